import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, test } from 'vitest';
import type { Message } from '@/api/contract/conversation';
import { knownTwilioErrors } from '@/domain/twilio-errors';
import { renderWithProviders } from '@/testing/render';
import { DeliveryStatus } from './delivery-status';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

const renderStatus = (status: Message['status'], errorCode: string | null = null) =>
  renderWithProviders(<DeliveryStatus message={{ status, errorCode }} />);

describe('delivery ticks', () => {
  test.each([
    ['pending', 'Waiting to be sent'],
    ['queued', 'Sending'],
    ['sending', 'Sending'],
    ['sent', 'Sent'],
    ['delivered', 'Delivered'],
    ['read', 'Read'],
  ] as const)('%s is named “%s” for screen readers, not only drawn', async (status, name) => {
    renderStatus(status);
    const ticks = await screen.findByRole('img', { name });
    expect(ticks).toHaveAttribute('title', name);
  });

  test('sent is one tick, delivered and read two; read in the brand colour', async () => {
    const { unmount } = renderStatus('sent');
    expect((await screen.findByRole('img', { name: 'Sent' })).querySelectorAll('svg')).toHaveLength(1);
    unmount();
    const delivered = renderStatus('delivered');
    const deliveredTicks = await screen.findByRole('img', { name: 'Delivered' });
    expect(deliveredTicks.querySelectorAll('svg')).toHaveLength(2);
    const deliveredClass = deliveredTicks.className;
    delivered.unmount();
    renderStatus('read');
    const readTicks = await screen.findByRole('img', { name: 'Read' });
    expect(readTicks.querySelectorAll('svg')).toHaveLength(2);
    expect(readTicks.className).not.toBe(deliveredClass);
  });

  test('a received message shows no ticks', async () => {
    const { unmount } = renderStatus('sent');
    expect(await screen.findByRole('img')).toBeInTheDocument();
    unmount();
    renderStatus('received');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  test('a failure says why in plain words, by Twilio’s error code', async () => {
    renderStatus('failed', '63016');
    expect(
      await screen.findByText('Not sent: The customer last wrote more than 24 hours ago. Send an approved template instead.'),
    ).toBeInTheDocument();
  });

  test('an undelivered message with an unknown code names the code; without one says so', async () => {
    const { unmount } = renderStatus('undelivered', '12345');
    expect(await screen.findByText('Not delivered: Twilio reported error 12345.')).toBeInTheDocument();
    unmount();
    renderStatus('failed', null);
    expect(await screen.findByText('Not sent: Twilio gave no reason.')).toBeInTheDocument();
  });

  test('in Finnish, the ticks and every known error code are worded in Finnish', async () => {
    await i18next.changeLanguage('fi');
    const { unmount } = renderStatus('read');
    expect(await screen.findByRole('img', { name: 'Luettu' })).toBeInTheDocument();
    unmount();
    for (const code of knownTwilioErrors) {
      const english = i18next.getFixedT('en')(`conversations.twilioErrors.${code}`);
      const finnish = i18next.t(`conversations.twilioErrors.${code}`);
      expect(finnish, code).not.toBe(english);
      const rendered = renderStatus('undelivered', code);
      expect(await screen.findByText(`Ei toimitettu: ${finnish}`)).toBeInTheDocument();
      rendered.unmount();
    }
  });
});
