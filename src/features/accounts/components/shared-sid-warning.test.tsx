import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile } from '@/testing/render';
import { pageHeading, renderEditPage, sample as editSample, seedAccount } from '../../../testing/features/edit-account';
import { fillDetails, nextButton, renderWizard, sample, stepHeading, tokenInput } from '../../../testing/features/new-account';

const backend = backendForThisFile();

const SUPPORT_ID = '3f1c2b4a-0000-4000-8000-0000000000aa';
const sidInput = () => screen.getByRole('textbox', { name: 'Account SID' });
const warningTitle = 'Another account already uses this Account SID';

describe('an Account SID another account already has', () => {
  test('the wizard warns, naming the account, and still lets the admin go on', async () => {
    seedAccount(backend, { id: SUPPORT_ID, name: 'Support' });
    expect(sample.accountSid).toBe(editSample.accountSid);
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await user.click(sidInput());
    await user.paste(` ${sample.accountSid.toUpperCase()}`);

    expect(await screen.findByText(warningTitle)).toBeInTheDocument();
    expect(screen.getByText(/Already used by “Support”\. Two accounts for one Twilio account split its conversations/)).toBeInTheDocument();
    await expectNoAxeViolations();

    await user.type(tokenInput(), sample.authToken);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
  });

  test('the wizard says nothing for a SID no account has', async () => {
    seedAccount(backend, { id: SUPPORT_ID, name: 'Support' });
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await user.type(sidInput(), editSample.otherSid);
    await user.type(tokenInput(), sample.authToken);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
    expect(screen.queryByText(warningTitle)).not.toBeInTheDocument();
  });

  test('editing an account warns about the others with its SID, not about itself', async () => {
    seedAccount(backend);
    const rendered = renderEditPage('?tab=account');
    await pageHeading();
    await screen.findByRole('textbox', { name: 'Account SID' });
    expect(screen.queryByText(warningTitle)).not.toBeInTheDocument();

    seedAccount(backend, { id: SUPPORT_ID, name: 'Support', numbers: [{ name: 'Espoo', number: '+358401234568' }] });
    await rendered.queryClient.invalidateQueries();
    expect(await screen.findByText(warningTitle)).toBeInTheDocument();
    expect(screen.getByText(/Already used by “Support”\./)).toBeInTheDocument();
    await expectNoAxeViolations();

    await rendered.user.clear(sidInput());
    await rendered.user.type(sidInput(), editSample.otherSid);
    expect(screen.queryByText(warningTitle)).not.toBeInTheDocument();
  });
});
