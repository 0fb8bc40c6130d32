import { screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend } from '@/testing/render';
import { fillDetails, nextButton, renderWizard, sample, stepHeading, tokenInput } from '../../../../testing/features/new-account';

const backend = createTestBackend();
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.server.resetHandlers());
afterAll(() => backend.server.close());

const sidInput = () => screen.getByRole('textbox', { name: 'Account SID' });

async function openAccountStep() {
  const rendered = renderWizard();
  await fillDetails(rendered.user);
  await stepHeading('Account details');
  return rendered;
}

describe('Account details step', () => {
  test('shows both fields with their hints, the token masked', async () => {
    await openAccountStep();
    expect(sidInput()).toHaveAccessibleDescription(/Starts with AC\./);
    expect(tokenInput()).toHaveAttribute('type', 'password');
    expect(tokenInput()).toHaveAccessibleDescription(/never shown again/);
    expect(screen.queryByText(/We restored what you typed/)).not.toBeInTheDocument();
  });

  test('a token pasted in the SID field gets its own message when the field is left', async () => {
    const { user } = await openAccountStep();
    await user.click(sidInput());
    await user.paste(sample.authToken);
    await user.tab();
    expect(
      await screen.findByText('This looks like an auth token. The Account SID starts with AC; paste the token in the Auth token field.'),
    ).toBeInTheDocument();
  });

  test('Next shows every problem: a SID in the token field, a short SID', async () => {
    const { user, router } = await openAccountStep();
    await user.type(sidInput(), 'AC1234');
    await user.click(tokenInput());
    await user.paste(sample.accountSid);
    await user.click(nextButton());
    expect(await screen.findByText('An Account SID has AC followed by exactly 32 letters a–f and digits.')).toBeInTheDocument();
    expect(
      screen.getByText('This is an Account SID. The auth token is the 32-character secret shown next to it in the Twilio console.'),
    ).toBeInTheDocument();
    expect(sidInput()).toHaveFocus();
    expect(router.state.location.search).toBe('?step=account');
  });

  test('the token can be shown and hidden again', async () => {
    const { user } = await openAccountStep();
    await user.type(tokenInput(), sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Show auth token' }));
    expect(tokenInput()).toHaveAttribute('type', 'text');
    expect(tokenInput()).toHaveValue(sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Hide auth token' }));
    expect(tokenInput()).toHaveAttribute('type', 'password');
  });

  test('values pasted with stray white space are accepted, and kept as typed', async () => {
    const { user } = await openAccountStep();
    await user.click(sidInput());
    await user.paste(`  ${sample.accountSid.toUpperCase()}`);
    await user.click(tokenInput());
    await user.paste(` ${sample.authToken} `);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading('Account details');
    expect(sidInput()).toHaveValue(`  ${sample.accountSid.toUpperCase()}`);
    expect(tokenInput()).toHaveValue(` ${sample.authToken} `);
  });

  test('Back keeps what was typed on both steps', async () => {
    const { user } = await openAccountStep();
    await user.type(sidInput(), sample.accountSid);
    await user.type(tokenInput(), sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await stepHeading('Channel details')).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Fabrikam helpdesk');
    await user.click(nextButton());
    await stepHeading('Account details');
    expect(sidInput()).toHaveValue(sample.accountSid);
    expect(tokenInput()).toHaveValue(sample.authToken);
  });
});
