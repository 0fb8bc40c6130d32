import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { demoDb, demoRuntime } from '@/mocks/browser';
import { demoConversationIds, renderWithProviders } from '@/testing/render';
import { DemoControls } from './demo-controls';

afterEach(() => demoDb.reset());
afterAll(() => demoRuntime.stop());

describe('Demo controls', () => {
  test('Simulate customer message: a customer writes to the sandbox number, in turn, and the page says who', async () => {
    const { user } = renderWithProviders(<DemoControls />);
    const before = demoDb.data.conversations.length;

    await user.click(screen.getByRole('button', { name: 'Demo controls' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Simulate customer message' }));
    expect(await screen.findByText('Matti Meikäläinen wrote to +14155238886.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Demo controls' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Simulate customer message' }));
    expect(await screen.findByText('Olivia Brown wrote to +14155238886.')).toBeInTheDocument();

    // Matti Meikäläinen is new; Olivia has an open conversation already, which her message continues.
    expect(demoDb.data.conversations.slice(before).map((c) => c.customer.profileName)).toEqual(['Matti Meikäläinen']);
    const olivia = demoDb.data.messages.filter((m) => m.conversationId === demoConversationIds.oliviaInvoice);
    expect(olivia.at(-1)).toMatchObject({ direction: 'inbound', body: 'Hi, I was charged twice on my last invoice. Can you help?' });
  });

  test('Make Twilio refuse the next reply: the next agent reply fails with 63016 and closes the window', async () => {
    const { user } = renderWithProviders(<DemoControls />);
    await user.click(screen.getByRole('button', { name: 'Demo controls' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Make Twilio refuse the next reply (63016)' }));
    expect(await screen.findByText(/Twilio will refuse the next agent reply/)).toBeInTheDocument();

    const reply = demoDb.write((draft) => {
      const message = { ...draft.messages.find((m) => m.direction === 'outbound' && m.author === 'agent')! };
      Object.assign(message, { id: crypto.randomUUID(), conversationId: demoConversationIds.oliviaInvoice, status: 'pending', errorCode: null, twilioSid: null });
      draft.messages.push(message);
      return message;
    });
    demoRuntime.deliver(reply.id);
    await waitFor(() => expect(demoDb.data.messages.find((m) => m.id === reply.id)).toMatchObject({ status: 'failed', errorCode: '63016' }), { timeout: 5000 });
    expect(demoDb.data.conversations.find((c) => c.id === demoConversationIds.oliviaInvoice)?.windowClosedByTwilioAt).toBe(reply.createdAt);
  });

  test('says so when no account has a number to write to', async () => {
    demoDb.write((draft) => {
      draft.workstreams = [];
      draft.numbers = [];
    });
    const { user } = renderWithProviders(<DemoControls />);
    await user.click(screen.getByRole('button', { name: 'Demo controls' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Simulate customer message' }));
    expect(await screen.findByText(/No account has a WhatsApp number/)).toBeInTheDocument();
  });
});
