import { screen } from '@testing-library/react';
import type { RouteObject } from 'react-router';
import { renderWithProviders, type createTestBackend } from '@/testing/render';

type Backend = ReturnType<typeof createTestBackend>;

export const DEMO_PASSWORD = 'demo-password';
export const HOME_STUB = 'Start page stub';
export const QUEUES_STUB = 'Queues stub';
export const ACCOUNTS_STUB = 'Accounts stub';

export function signOutInMock(backend: Backend) {
  backend.db.write((draft) => {
    draft.session.userId = null;
  });
}

/** The page under test among stubs of the places it may send the user to. */
export function renderAuthPage(route: RouteObject, initialEntry: string) {
  return renderWithProviders(
    [
      route,
      { path: '/', element: <p>{HOME_STUB}</p> },
      { path: '/queues', element: <p>{QUEUES_STUB}</p> },
      { path: '/channels/accounts', element: <p>{ACCOUNTS_STUB}</p> },
    ],
    { initialEntries: [initialEntry] },
  );
}

export const textbox = (name: string) => screen.getByRole('textbox', { name });
/** Password inputs have no role; they are found by their label (whose asterisk is for the eye only). */
export const passwordInput = (label: string) => screen.getByLabelText(new RegExp(`^${label}\\*?$`), { selector: 'input' });

/** The JSON bodies of the writes the mock receives while a test runs. */
export function recordWrites(backend: Backend) {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'GET') return;
    const text = await request.clone().text();
    bodies.push({ method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined });
  });
  return bodies;
}
