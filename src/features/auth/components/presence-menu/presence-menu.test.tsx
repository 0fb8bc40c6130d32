import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { changeLanguage } from '@/i18n/i18n';
import { expectNoAxeViolations } from '@/testing/axe';
import { createTestBackend, demoIds, renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { PresenceMenu } from './presence-menu';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  backend.server.resetHandlers();
  backend.server.events.removeAllListeners();
  backend.db.reset();
  vi.unstubAllGlobals();
});
afterAll(() => backend.server.close());

function recordWrites() {
  const writes: { method: string; path: string; body: unknown }[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return;
    writes.push({ method: request.method, path: new URL(request.url).pathname, body: await request.clone().json() });
  });
  return writes;
}

function renderMenu() {
  return renderWithProviders(
    <>
      <h1>Header</h1>
      <PresenceMenu />
    </>,
  );
}

describe('The signed-in user’s presence', () => {
  test('shows the presence and changes it from the menu by keyboard', async () => {
    const writes = recordWrites();
    const { user } = renderMenu();
    const trigger = await screen.findByRole('button', { name: 'Your presence: Available. Change' });
    expect(trigger).toHaveTextContent('Available');
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual(['Available', 'Busy', 'Do not disturb', 'Away', 'Offline']);
    expect(within(menu).getByRole('menuitemradio', { name: 'Available' })).toBeChecked();
    await expectNoAxeViolations();

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByText('Your presence is now Away.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Your presence: Away. Change' })).toBeInTheDocument());
    expect(writes).toEqual([{ method: 'PUT', path: '/api/session/presence', body: { presence: 'away' } }]);
    expect(backend.db.data.users.find((u) => u.id === demoIds.adminUser)).toMatchObject({ presence: 'away' });
  });

  test('follows a presence event for the signed-in user (another tab), and ignores other users’', async () => {
    const stream = installScriptedEventSource();
    renderMenu();
    await screen.findByRole('button', { name: 'Your presence: Available. Change' });
    stream.latest().open();
    stream.latest().send({ type: 'presence', userId: demoIds.samAgent, presence: 'offline' }, 'presence');
    stream.latest().send({ type: 'presence', userId: demoIds.adminUser, presence: 'doNotDisturb' }, 'presence');
    expect(await screen.findByRole('button', { name: 'Your presence: Do not disturb. Change' })).toBeInTheDocument();
  });

  test('in Finnish, the presences are the product’s Finnish terms', async () => {
    const { user } = renderMenu();
    await changeLanguage('fi');
    await user.click(await screen.findByRole('button', { name: 'Tilasi: Saatavilla. Vaihda' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitemradio').map((item) => item.textContent)).toEqual(['Saatavilla', 'Varattu', 'Älä häiritse', 'Poissa', 'Ei yhteydessä']);
  });
});
