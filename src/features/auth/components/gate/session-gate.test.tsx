import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders } from '@/testing/render';
import { signOutInMock } from '../../../../testing/features/auth';
import { HomeRedirect } from './home-redirect';
import { RequireAdmin } from './require-admin';
import { SessionGate } from './session-gate';

const backend = backendForThisFile('demo');

function renderApp(entry: string) {
  return renderWithProviders(
    [
      { path: '/sign-in', element: <h1>Sign-in stub</h1> },
      {
        element: <SessionGate />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            element: <RequireAdmin />,
            children: [
              { path: '/queues', element: <h1>Queues stub</h1> },
              { path: '/channels/accounts', element: <h1>Accounts stub</h1> },
            ],
          },
          { path: '/conversations', element: <h1>Conversations stub</h1> },
        ],
      },
    ],
    { initialEntries: [entry] },
  );
}

function signInAsAgent() {
  backend.db.write((draft) => {
    draft.session.userId = demoIds.agentUser;
  });
}

describe('The session gate', () => {
  test('lets a signed-in administrator through', async () => {
    renderApp('/queues');
    expect(await screen.findByRole('heading', { name: 'Queues stub' })).toBeInTheDocument();
  });

  test('sends someone signed out to sign in, remembering where they were going', async () => {
    signOutInMock(backend);
    const { router } = renderApp('/queues?highlight=abc');
    expect(await screen.findByRole('heading', { name: 'Sign-in stub' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sign-in?next=%2Fqueues%3Fhighlight%3Dabc');
  });

  test('says so when the session cannot be checked, and checks again on request', async () => {
    backend.server.use(http.get('/api/session', () => HttpResponse.error(), { once: true }));
    const { user } = renderApp('/queues');
    expect(await screen.findByRole('heading', { name: 'Could not check whether you are signed in' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Queues stub' })).toBeInTheDocument();
  });

  test('starts each role where it works', async () => {
    const admin = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Accounts stub' })).toBeInTheDocument();
    expect(currentUrl(admin.router)).toBe('/channels/accounts');
    admin.unmount();

    signInAsAgent();
    const agent = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Conversations stub' })).toBeInTheDocument();
    expect(currentUrl(agent.router)).toBe('/conversations');
  });

  test('shows an agent the role page instead of a configuration page', async () => {
    signInAsAgent();
    renderApp('/queues');
    expect(await screen.findByRole('heading', { level: 1, name: 'You need the administrator role' })).toBeInTheDocument();
    expect(screen.getByText(/You are signed in as Eero Agent, who is an agent/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to conversations' })).toHaveAttribute('href', '/conversations');
    expect(screen.queryByRole('heading', { name: 'Queues stub' })).not.toBeInTheDocument();
  });
});
