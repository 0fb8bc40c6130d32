import { screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from '@/testing/axe';
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

  test('values pasted with stray white space are accepted, and shown without it', async () => {
    const { user } = await openAccountStep();
    await user.click(sidInput());
    await user.paste(`  ${sample.accountSid.toUpperCase()}`);
    await user.click(tokenInput());
    await user.paste(` ${sample.authToken} `);
    expect(sidInput()).toHaveValue(sample.accountSid.toUpperCase());
    expect(tokenInput()).toHaveValue(sample.authToken);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading('Account details');
    expect(sidInput()).toHaveValue(sample.accountSid.toUpperCase());
  });

  test('a token copied in groups of four, as the console shows it, is accepted without its gaps', async () => {
    const { user } = await openAccountStep();
    await user.click(sidInput());
    await user.paste(sample.accountSid);
    await user.click(tokenInput());
    await user.paste('9F8E 7D6C 9F8E 7D6C\u00A09F8E 7D6C 9F8E 7D6C');
    expect(tokenInput()).toHaveValue('9F8E7D6C9F8E7D6C9F8E7D6C9F8E7D6C');
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
  });

  test('a refused character is named in the message', async () => {
    const { user } = await openAccountStep();
    await user.click(tokenInput());
    await user.paste(`${sample.authToken.slice(0, 31)}G`);
    await user.tab();
    expect(await screen.findByText('The character “G” is not allowed: an auth token has only the letters a–f and digits 0–9.')).toBeInTheDocument();
    await user.click(sidInput());
    await user.paste(`AC${sample.accountSid.slice(2, 33)}\u0007`);
    await user.tab();
    expect(
      await screen.findByText('The character U+0007 (invisible) is not allowed: after AC, an Account SID has only the letters a–f and digits 0–9.'),
    ).toBeInTheDocument();
    await expectNoAxeViolations();
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
