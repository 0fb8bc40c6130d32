import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { DEMO_PASSWORD, passwordInput, recordWrites } from '../../../../testing/features/auth';
import { UserMenu } from './user-menu';

const backend = backendForThisFile('demo');

const SIGN_IN_STUB = 'Sign-in page stub';

async function openMenu() {
  const rendered = renderWithProviders(
    [
      {
        path: '/queues',
        element: (
          <>
            <h1>Queues</h1>
            <UserMenu />
          </>
        ),
      },
      { path: '/sign-in', element: <p>{SIGN_IN_STUB}</p> },
    ],
    { initialEntries: ['/queues'] },
  );
  const trigger = await screen.findByRole('button', { name: 'Account: Aino Admin' });
  trigger.focus();
  await rendered.user.keyboard('{Enter}');
  await screen.findByRole('menu');
  return { ...rendered, trigger };
}

async function openChangePassword() {
  const rendered = await openMenu();
  await rendered.user.click(screen.getByRole('menuitem', { name: 'Change password' }));
  const dialog = await screen.findByRole('dialog', { name: 'Change password' });
  return { ...rendered, dialog };
}

async function fillIn(user: Awaited<ReturnType<typeof openChangePassword>>['user'], current: string, next: string, repeat = next) {
  await user.type(passwordInput('Current password'), current);
  await user.type(passwordInput('New password'), next);
  await user.type(passwordInput('Repeat the password'), repeat);
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Change password' }));
}

const storedPassword = () => backend.db.data.users.find((u) => u.id === demoIds.adminUser)?.password;

describe('The user menu', () => {
  test('names the signed-in user and opens from the keyboard with what they can do', async () => {
    await openMenu();
    const menu = screen.getByRole('menu');
    expect(within(menu).getByText('aino.admin@demo.test, Administrator')).toBeInTheDocument();
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Change password', 'Sign out']);
  });

  test('signs out and goes to the sign-in page', async () => {
    const { user, router, queryClient } = await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByText(SIGN_IN_STUB)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/sign-in');
    expect(backend.db.data.session.userId).toBeNull();
    // Only the sign-in page's own question is left (its answer, once it came, says nobody is signed in):
    // nothing the signed-in user saw.
    const signedInLeftovers = queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.data !== undefined)
      .filter((query) => !(query.queryKey[0] === 'session' && (query.state.data as { user?: unknown }).user === null));
    expect(signedInLeftovers).toEqual([]);
  });

  test('a sign-out that does not get through says so and stays', async () => {
    backend.server.use(http.delete('/api/session', () => HttpResponse.error(), { once: true }));
    const { user, router } = await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByText(/^Could not sign out\. The server could not be reached/)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/queues');
  });
});

describe('Change password', () => {
  test('changes it, says so, and puts focus back on the menu button', async () => {
    const writes = recordWrites(backend);
    const { user, trigger } = await openChangePassword();
    await fillIn(user, DEMO_PASSWORD, 'a long new password');
    await waitForDialogsToClose();
    expect(await screen.findByText('Your password was changed.')).toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(writes).toEqual([
      { method: 'PUT', path: '/api/session/password', body: { currentPassword: DEMO_PASSWORD, newPassword: 'a long new password' } },
    ]);
    expect(storedPassword()).toBe('a long new password');
  });

  test('a wrong current password is shown on that field and the dialog stays open', async () => {
    const { user } = await openChangePassword();
    await fillIn(user, 'not my password', 'a long new password');
    const current = passwordInput('Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is not right.'));
    expect(current).toHaveFocus();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(storedPassword()).toBe(DEMO_PASSWORD);
  });

  test('new passwords that differ or are too short are caught before sending', async () => {
    const writes = recordWrites(backend);
    const { user } = await openChangePassword();
    await fillIn(user, DEMO_PASSWORD, 'short', 'shorter');
    await waitFor(() => expect(passwordInput('New password')).toHaveAccessibleDescription(/^Use at least 12 characters for the password\./));
    expect(passwordInput('Repeat the password')).toHaveAccessibleDescription(/^The passwords are not the same/);
    expect(writes).toEqual([]);
  });

  test('cancel closes it without a change, and it opens empty again', async () => {
    const { user, trigger } = await openChangePassword();
    await user.type(passwordInput('Current password'), 'typed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Change password' }));
    await screen.findByRole('dialog', { name: 'Change password' });
    expect(passwordInput('Current password')).toHaveValue('');
  });
});
