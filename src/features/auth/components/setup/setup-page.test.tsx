import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { backendForThisFile, currentUrl } from '@/testing/render';
import { expectNoAxeViolations } from '@/testing/axe';
import { ACCOUNTS_STUB, passwordInput, recordWrites, renderAuthPage, signOutInMock, textbox } from '../../../../testing/features/auth';
import { SetupPage } from './setup-page';

const TOKEN = 'demo-setup-token';

const backend = backendForThisFile('demo');

function withoutAdministrator() {
  backend.db.write((draft) => {
    draft.users = draft.users.filter((u) => u.role !== 'admin');
    draft.session.userId = null;
  });
}

function openSetup(token: string) {
  return renderAuthPage({ path: '/setup', element: <SetupPage token={token} /> }, '/setup');
}

async function openForm(token = TOKEN) {
  withoutAdministrator();
  const rendered = openSetup(token);
  await screen.findByRole('heading', { level: 1, name: 'Create the first administrator' });
  return rendered;
}

async function fillIn(user: ReturnType<typeof openSetup>['user'], values: { name: string; email: string; password: string; repeat: string }) {
  await user.type(textbox('Name'), values.name);
  await user.type(textbox('Email'), values.email);
  await user.type(passwordInput('Password'), values.password);
  await user.type(passwordInput('Repeat the password'), values.repeat);
  await user.click(screen.getByRole('button', { name: 'Create administrator' }));
}

const good = { name: 'Maija Meikäläinen', email: 'maija@example.com', password: 'correct horse battery', repeat: 'correct horse battery' };

describe('Setup', () => {
  test('once an administrator exists, says so and leads to sign-in', async () => {
    signOutInMock(backend);
    openSetup(TOKEN);
    expect(await screen.findByRole('heading', { level: 1, name: 'The admin center has an administrator' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/sign-in');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  test('opened again while signed in, says the link has been used and leads into the app, not to sign-in', async () => {
    openSetup(TOKEN);
    expect(await screen.findByRole('heading', { level: 1, name: 'This setup link has been used' })).toBeInTheDocument();
    expect(screen.getByText('The first administrator has been created, and you are signed in as Aino Admin.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the admin center' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('link', { name: 'Go to sign-in' })).not.toBeInTheDocument();
    await expectNoAxeViolations();
  });

  test('without a token, says to open the printed link instead of offering a form that cannot work', async () => {
    await openForm('');
    expect(screen.getByText('This setup link does not work')).toBeInTheDocument();
    expect(screen.getByText(/Open this page with the setup link the server printed/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  test('creates the administrator and lands signed in on the accounts page', async () => {
    const writes = recordWrites(backend);
    const { user, router } = await openForm();
    await fillIn(user, good);
    expect(await screen.findByText(ACCOUNTS_STUB)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/channels/accounts');
    expect(await screen.findByText('Welcome, Maija Meikäläinen. You are signed in as the administrator.')).toBeInTheDocument();
    expect(writes).toEqual([
      { method: 'POST', path: '/api/setup', body: { token: TOKEN, name: good.name, email: good.email, password: good.password } },
    ]);
    const created = backend.db.data.users.find((u) => u.email === good.email);
    expect(created).toMatchObject({ role: 'admin' });
    expect(backend.db.data.session.userId).toBe(created?.id);
  });

  test('passwords that differ are caught before sending', async () => {
    const writes = recordWrites(backend);
    const { user } = await openForm();
    await fillIn(user, { ...good, repeat: 'correct horse batery' });
    const repeat = passwordInput('Repeat the password');
    await waitFor(() => expect(repeat).toHaveAccessibleDescription(/^The passwords are not the same/));
    expect(repeat).toHaveFocus();
    expect(writes).toEqual([]);
  });

  test('a short password and an empty name are worded on their fields', async () => {
    const { user } = await openForm();
    await user.type(textbox('Email'), good.email);
    await user.type(passwordInput('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByText('Use at least 12 characters for the password.')).toBeInTheDocument();
  });

  test('an email address the server refuses is shown on the email field', async () => {
    const { user } = await openForm();
    await fillIn(user, { ...good, email: 'eero.agent@demo.test' });
    await waitFor(() => expect(textbox('Email')).toHaveAccessibleDescription('Another user already signs in with this email address.'));
    expect(textbox('Email')).toHaveFocus();
  });

  test('a used or expired link says so at the top, with what to do, and keeps what was typed', async () => {
    const { user } = await openForm('used-token');
    await fillIn(user, good);
    expect(await screen.findByText('This setup link does not work')).toBeInTheDocument();
    expect(screen.getByText('This setup link has expired or was already used. Restart the server to print a new one.')).toBeInTheDocument();
    expect(textbox('Name')).toHaveValue(good.name);
    expect(backend.db.data.users.some((u) => u.email === good.email)).toBe(false);
  });

  test('when someone else finished the setup meanwhile, turns into the way to sign in', async () => {
    const { user } = await openForm();
    backend.db.reset();
    await fillIn(user, good);
    expect(await screen.findByRole('heading', { level: 1, name: 'The admin center has an administrator' })).toBeInTheDocument();
  });
});
