import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { tooManyRequestsBody } from '@/api/contract/problem-bodies';
import { expectNoAxeViolations } from '@/testing/axe';
import { createTestBackend, currentUrl } from '@/testing/render';
import { DEMO_PASSWORD, HOME_STUB, QUEUES_STUB, passwordInput, recordWrites, renderAuthPage, signOutInMock, textbox } from '../../../../testing/features/auth';
import { SignInPage } from './sign-in-page';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signOutInMock(backend));
afterEach(() => {
  backend.server.resetHandlers();
  backend.server.events.removeAllListeners();
  backend.db.reset();
});
afterAll(() => backend.server.close());

async function openSignIn(entry = '/sign-in?next=%2Fqueues', showDemoUsers = false) {
  const rendered = renderAuthPage({ path: '/sign-in', element: <SignInPage showDemoUsers={showDemoUsers} /> }, entry);
  await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  return rendered;
}

async function fillIn(user: ReturnType<typeof renderAuthPage>['user'], email: string, password: string) {
  await user.type(textbox('Email'), email);
  await user.type(passwordInput('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

const tooMany = (body: object) =>
  http.post('/api/session', () => HttpResponse.json(body, { status: 429, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }), { once: true });

describe('Sign in', () => {
  test('while no administrator exists, says the first one comes from the setup link printed in the server’s terminal', async () => {
    backend.db.write((draft) => {
      draft.users = draft.users.filter((u) => u.role !== 'admin');
    });
    await openSignIn();
    expect(await screen.findByText('No administrator yet')).toBeInTheDocument();
    expect(screen.getByText(/Open the one-time setup link the server printed in the terminal where it was started/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('#token=');
    await expectNoAxeViolations();
  });

  test('with an administrator, no setup notice', async () => {
    await openSignIn();
    expect(screen.queryByText('No administrator yet')).not.toBeInTheDocument();
  });

  test('signs in and goes where the user was going', async () => {
    const { user, router } = await openSignIn();
    await fillIn(user, 'aino.admin@demo.test', DEMO_PASSWORD);
    expect(await screen.findByText(QUEUES_STUB)).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/queues');
    expect(backend.db.data.session.userId).not.toBeNull();
  });

  test('without a place to return to, goes to the start page', async () => {
    const { user } = await openSignIn('/sign-in?next=https%3A%2F%2Fevil.example');
    await fillIn(user, 'aino.admin@demo.test', DEMO_PASSWORD);
    expect(await screen.findByText(HOME_STUB)).toBeInTheDocument();
  });

  test('someone already signed in goes on at once', async () => {
    backend.db.reset();
    renderAuthPage({ path: '/sign-in', element: <SignInPage /> }, '/sign-in?next=%2Fqueues');
    expect(await screen.findByText(QUEUES_STUB)).toBeInTheDocument();
  });

  test('empty fields are worded on the fields and nothing is sent', async () => {
    const writes = recordWrites(backend);
    const { user } = await openSignIn();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter a password.')).toBeInTheDocument();
    expect(textbox('Email')).toHaveFocus();
    expect(writes).toEqual([]);
  });

  test('a wrong password says so without saying which was wrong, and selects the password to retype', async () => {
    const { user } = await openSignIn();
    await fillIn(user, 'aino.admin@demo.test', 'not-the-password');
    expect(await screen.findByText('The email or password is not right.')).toBeInTheDocument();
    await waitFor(() => expect(passwordInput('Password')).toHaveFocus());
    expect(textbox('Email')).toHaveValue('aino.admin@demo.test');
    expect(backend.db.data.session.userId).toBeNull();
  });

  test('too many attempts says how long to wait', async () => {
    backend.server.use(tooMany({ ...tooManyRequestsBody(540), retryAfterSeconds: 540 }));
    const { user } = await openSignIn();
    await fillIn(user, 'aino.admin@demo.test', DEMO_PASSWORD);
    expect(await screen.findByText('Too many attempts')).toBeInTheDocument();
    expect(screen.getByText('Wait 9 minutes before you try again.')).toBeInTheDocument();
  });

  test('too many attempts without a known wait still says to wait', async () => {
    const { retryAfterSeconds: _, ...withoutWait } = tooManyRequestsBody(60);
    backend.server.use(tooMany(withoutWait));
    const { user } = await openSignIn();
    await fillIn(user, 'aino.admin@demo.test', DEMO_PASSWORD);
    expect(await screen.findByText('Wait a few minutes before you try again.')).toBeInTheDocument();
  });

  test('a request that does not get through offers to try again, with what was typed kept', async () => {
    backend.server.use(http.post('/api/session', () => HttpResponse.error(), { once: true }));
    const { user } = await openSignIn();
    await fillIn(user, 'aino.admin@demo.test', DEMO_PASSWORD);
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(QUEUES_STUB)).toBeInTheDocument();
  });

  test('the password can be shown to check it', async () => {
    const { user } = await openSignIn();
    await user.type(passwordInput('Password'), 'secret');
    expect(passwordInput('Password')).toHaveAttribute('type', 'password');
    expect(passwordInput('Password')).toHaveAttribute('autocomplete', 'current-password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(passwordInput('Password')).toHaveAttribute('type', 'text');
  });

  describe('in demo mode', () => {
    test('names the demo users, and what it says signs in', async () => {
      const { user } = await openSignIn('/sign-in', true);
      const hint = screen.getByText(/Sign in as the administrator/);
      expect(hint).toHaveTextContent(
        'Sign in as the administrator Aino Admin (aino.admin@demo.test) or the agent Eero Agent (eero.agent@demo.test). The password of both is demo-password.',
      );
      await fillIn(user, 'eero.agent@demo.test', DEMO_PASSWORD);
      expect(await screen.findByText(HOME_STUB)).toBeInTheDocument();
    });

    test('is the only place that names them', async () => {
      await openSignIn('/sign-in', false);
      expect(screen.queryByText(/demo-password/)).not.toBeInTheDocument();
    });
  });
});
