import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting } from '@/testing/hostile-text';
import { backendForThisFile } from '@/testing/render';
import { SetupPage } from './setup/setup-page';
import { SignInPage } from './sign-in/sign-in-page';
import { ACCOUNTS_STUB, QUEUES_STUB, passwordInput, recordWrites, renderAuthPage, signOutInMock, textbox } from '../../../testing/features/auth';

const backend = backendForThisFile('demo');

/** Emoji and right-to-left letters: a passphrase that must come back exactly at sign-in. */
const unicodePassword = `${hostile.emoji} ${hostile.rtl}`;
const hebrewEmail = 'דנה@דוגמה.ישראל';

async function openSignIn() {
  signOutInMock(backend);
  const rendered = renderAuthPage({ path: '/sign-in', element: <SignInPage showDemoUsers={false} /> }, '/sign-in?next=%2Fqueues');
  await screen.findByRole('heading', { level: 1, name: 'Sign in' });
  return rendered;
}

async function openSetup() {
  backend.db.write((draft) => {
    draft.users = draft.users.filter((u) => u.role !== 'admin');
    draft.session.userId = null;
  });
  const rendered = renderAuthPage({ path: '/setup', element: <SetupPage token="demo-setup-token" /> }, '/setup');
  await screen.findByRole('heading', { level: 1, name: 'Create the first administrator' });
  return rendered;
}

describe('Signing in with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('a huge email and password are refused on their fields, which keep them, and nothing is sent', async () => {
    const writes = recordWrites(backend);
    const { user } = await openSignIn();
    await replaceByPasting(user, textbox('Email'), hostile.huge);
    await replaceByPasting(user, passwordInput('Password'), hostile.huge);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expectFieldRefused(textbox('Email'), 'Enter an email address such as name@example.com.', hostile.huge);
    await expectFieldRefused(passwordInput('Password'), 'Keep the password to 200 characters or fewer.', hostile.huge);
    expect(writes).toEqual([]);
  });

  test('a password with a NUL is refused in words, the form keeps what was typed, and no one is signed in', async () => {
    const { user } = await openSignIn();
    await replaceByPasting(user, textbox('Email'), 'aino.admin@demo.test');
    await replaceByPasting(user, passwordInput('Password'), `demo-password${hostile.nul}`);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // A NUL cannot be part of any password, so the server's refusal of the request is the message here.
    expect(await screen.findByText('The request contains a NUL character (U+0000), which no field accepts.')).toBeVisible();
    expect(textbox('Email')).toHaveValue('aino.admin@demo.test');
    expect(passwordInput('Password')).toHaveValue(`demo-password${hostile.nul}`);
    expect(backend.db.data.session.userId).toBeNull();
  });

  test('an address in Hebrew with a passphrase of emoji and right-to-left letters signs in exactly', async () => {
    backend.db.write((draft) => {
      const agent = draft.users.find((u) => u.role === 'agent')!;
      agent.email = hebrewEmail;
      agent.password = unicodePassword;
    });
    const { user } = await openSignIn();
    await replaceByPasting(user, textbox('Email'), hebrewEmail);
    await replaceByPasting(user, passwordInput('Password'), unicodePassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(QUEUES_STUB)).toBeInTheDocument();
    expect(backend.db.data.session.userId).not.toBeNull();
  });
});

describe('Creating the first administrator with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('control characters and huge text are refused on each field, which keeps them', async () => {
    const writes = recordWrites(backend);
    const { user } = await openSetup();
    const password = `${hostile.bell} is long enough`;
    await replaceByPasting(user, textbox('Name'), hostile.huge);
    await replaceByPasting(user, textbox('Email'), `tuki${hostile.nul}@example.com`);
    await replaceByPasting(user, passwordInput('Password'), password);
    await replaceByPasting(user, passwordInput('Repeat the password'), password);
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    await expectFieldRefused(textbox('Name'), 'Keep the name to 100 characters or fewer.', hostile.huge);
    await expectFieldRefused(textbox('Email'), 'Enter an email address such as name@example.com.', `tuki${hostile.nul}@example.com`);
    await expectFieldRefused(passwordInput('Password'), controlCharacterMessage, password);

    await replaceByPasting(user, textbox('Name'), hostile.nul);
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    await expectFieldRefused(textbox('Name'), controlCharacterMessage, hostile.nul);
    expect(writes).toEqual([]);
  });

  test('a name with emoji and right-to-left text is stored exactly and greets the administrator by it', async () => {
    const { user } = await openSetup();
    await replaceByPasting(user, textbox('Name'), mixedName);
    await replaceByPasting(user, textbox('Email'), hebrewEmail);
    await replaceByPasting(user, passwordInput('Password'), unicodePassword);
    await replaceByPasting(user, passwordInput('Repeat the password'), unicodePassword);
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    expect(await screen.findByText(ACCOUNTS_STUB)).toBeInTheDocument();
    const welcome = `Welcome, ${mixedName}. You are signed in as the administrator.`;
    expect(await screen.findByText(welcome, exactly)).toBeInTheDocument();
    expect(backend.db.data.users.find((u) => u.role === 'admin')).toMatchObject({ name: mixedName, email: hebrewEmail, password: unicodePassword });
  });
});
