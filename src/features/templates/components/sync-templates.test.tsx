import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend, demoIds, renderWithProviders } from '@/testing/render';
import { TemplatesPanel } from './templates-panel';
import { findGroup, renderPanel, variantRows } from '../../../testing/features/templates';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await i18next.changeLanguage('en');
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const syncButton = () => screen.getByRole('button', { name: /Sync templates from Twilio|Syncing with Twilio/ });

describe('Sync templates from Twilio', () => {
  test('says what was added, updated, unchanged and skipped, and the list shows the new templates', async () => {
    const { user } = await renderPanel();
    await findGroup('order_update');
    await user.click(syncButton());

    const status = screen.getByRole('status');
    expect(await within(status).findByText(/^Templates synced /)).toBeInTheDocument();
    expect(within(status).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Added: 2',
      'Updated: 1',
      'Unchanged: 1',
      'delivery_card: Not a WhatsApp text template: only text templates can be sent from here.',
      'welcome_klingon: Its language is not one WhatsApp templates support here.',
    ]);
    expect(within(status).getByText('Skipped 2 items Twilio has that WhatsApp cannot use:')).toBeInTheDocument();

    await findGroup('appointment_reminder');
    expect(variantRows('appointment_reminder')).toEqual(['English | Utility | Approved', 'Finnish | Utility | Pending approval']);
    expect(variantRows('follow_up')).toEqual(['English | Utility | Approved']);
  });

  test('in Finnish, the result and Twilio’s reasons for skipping are in Finnish', async () => {
    await i18next.changeLanguage('fi');
    const { user } = renderWithProviders(
      <main>
        <h1>Tili</h1>
        <TemplatesPanel accountId={demoIds.sandboxAccount} />
      </main>,
    );
    await screen.findByRole('heading', { level: 2, name: 'Viestimallit' });
    await user.click(screen.getByRole('button', { name: 'Synkronoi viestimallit Twiliosta' }));
    const status = screen.getByRole('status');
    expect(await within(status).findByText('Lisätty: 2')).toBeInTheDocument();
    expect(within(status).getByText('Ohitettiin 2 Twilion kohdetta, joita WhatsApp ei voi käyttää:')).toBeInTheDocument();
    expect(within(status).getByText('delivery_card: Ei WhatsAppin tekstiviestimalli: täältä voi lähettää vain tekstimalleja.')).toBeInTheDocument();
    expect(within(status).getByText('welcome_klingon: Sen kieli ei ole WhatsApp-viestimallien tukema kieli.')).toBeInTheDocument();
  });

  test('shows progress while Twilio is asked', async () => {
    let release: () => void = () => undefined;
    backend.server.use(
      http.post('/api/whatsapp-accounts/:id/templates/sync', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json({ added: 0, updated: 0, unchanged: 3, skipped: [], syncedAt: new Date().toISOString() });
      }),
    );
    const { user } = await renderPanel();
    await user.click(syncButton());
    expect(await screen.findByRole('button', { name: 'Syncing with Twilio…' })).toHaveAttribute('aria-disabled', 'true');
    release();
    expect(await screen.findByText('Unchanged: 3')).toBeInTheDocument();
    expect(syncButton()).toHaveAccessibleName('Sync templates from Twilio');
    expect(screen.queryByText(/Skipped/)).not.toBeInTheDocument();
  });

  test('a failure is said with a way to try again, and nothing changes meanwhile', async () => {
    backend.server.use(
      http.post(
        '/api/whatsapp-accounts/:id/templates/sync',
        () => HttpResponse.json({ type: '/problems/unavailable', title: 'Twilio unavailable', status: 502 }, { status: 502, headers: { 'content-type': 'application/problem+json' } }),
        { once: true },
      ),
    );
    const { user } = await renderPanel();
    await user.click(syncButton());
    expect(await screen.findByText(/Something went wrong on the server \(502\)/)).toBeInTheDocument();
    expect(backend.db.data.templates.some((t) => t.name === 'appointment_reminder')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Added: 2')).toBeInTheDocument();
  });
});
