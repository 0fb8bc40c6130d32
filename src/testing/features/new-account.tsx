import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { paths } from '@/config/paths';
import { renderWithProviders } from '@/testing/render';
import { NewAccountWizard } from '../../features/accounts/components/new-account/new-account-wizard';

/** Made-up credentials in the right shape. */
export const sample = {
  accountSid: 'AC' + 'a1b2c3d4'.repeat(4),
  authToken: '9f8e7d6c'.repeat(4),
};

export const LIST_STUB = 'Accounts list stub';

export function renderWizard(search = '?step=details') {
  return renderWithProviders(
    [
      { path: paths.newAccount, element: <NewAccountWizard /> },
      { path: paths.accounts, element: <p>{LIST_STUB}</p> },
    ],
    { initialEntries: [paths.accounts, `${paths.newAccount}${search}`] },
  );
}

/**
 * A password input has no role, and getByLabelText reads the label's text including the
 * aria-hidden required marker, hence the pattern.
 */
export const tokenInput = () => screen.getByLabelText(/^Auth token/, { selector: 'input' });

export const nextButton = () => screen.getByRole('button', { name: 'Next' });

export async function stepHeading(name: string) {
  return screen.findByRole('heading', { level: 2, name });
}

export async function fillDetails(user: UserEvent, name = 'Fabrikam helpdesk') {
  await stepHeading('Channel details');
  await user.type(screen.getByRole('textbox', { name: 'Name' }), name);
  await user.click(nextButton());
}

export async function fillAccount(user: UserEvent) {
  await stepHeading('Account details');
  await user.type(screen.getByRole('textbox', { name: 'Account SID' }), sample.accountSid);
  await user.type(tokenInput(), sample.authToken);
  await user.click(nextButton());
}

export function numberRow(index: number) {
  return within(screen.getByRole('group', { name: `Number ${index}` }));
}

export async function fillNumber(user: UserEvent, index: number, name: string, number: string) {
  const row = numberRow(index);
  await user.type(row.getByRole('textbox', { name: 'Number name' }), name);
  await user.type(row.getByRole('textbox', { name: 'WhatsApp number' }), number);
}
