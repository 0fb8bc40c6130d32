import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, test } from 'vitest';
import { backendForThisFile } from '@/testing/render';
import { fillAccount, fillDetails, fillNumber, nextButton, numberRow, renderWizard, stepHeading } from '../../../../testing/features/new-account';

const backend = backendForThisFile();

async function openNumbersStep() {
  const rendered = renderWizard();
  await fillDetails(rendered.user);
  await fillAccount(rendered.user);
  await stepHeading('WhatsApp numbers');
  return rendered;
}

const rows = () => screen.queryAllByRole('group', { name: /^Number \d+$/ });
const sandboxButton = () => screen.getByRole('button', { name: 'Use the Twilio sandbox number' });

describe('WhatsApp numbers step', () => {
  test('starts with one empty row whose fields are named within the row', async () => {
    await openNumbersStep();
    expect(rows()).toHaveLength(1);
    expect(numberRow(1).getByRole('textbox', { name: 'Number name' })).toHaveValue('');
    expect(numberRow(1).getByRole('textbox', { name: 'WhatsApp number' })).toHaveAccessibleDescription(
      'International format with + and country code, for example +358401234567.',
    );
  });

  test('rows can be added and removed; focus stays somewhere useful', async () => {
    const { user } = await openNumbersStep();
    await fillNumber(user, 1, 'Helsinki', '+358401234567');
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    expect(rows()).toHaveLength(2);
    expect(numberRow(2).getByRole('textbox', { name: 'Number name' })).toHaveFocus();
    await fillNumber(user, 2, 'Stockholm', '+46701234567');
    await user.click(screen.getByRole('button', { name: 'Remove number 1' }));
    expect(rows()).toHaveLength(1);
    expect(numberRow(1).getByRole('textbox', { name: 'Number name' })).toHaveValue('Stockholm');
    expect(screen.getByRole('button', { name: 'Add number' })).toHaveFocus();
  });

  test('at least one number is needed', async () => {
    const { user, router } = await openNumbersStep();
    await user.click(screen.getByRole('button', { name: 'Remove number 1' }));
    expect(screen.getByText('No numbers yet. Add one, or use the sandbox number.')).toBeInTheDocument();
    await user.click(nextButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Add at least one WhatsApp number.');
    expect(router.state.location.search).toBe('?step=numbers');
  });

  test('each field says what is wrong with it', async () => {
    const { user } = await openNumbersStep();
    await user.type(numberRow(1).getByRole('textbox', { name: 'WhatsApp number' }), '040 123 4567');
    await user.tab();
    expect(
      await screen.findByText('Write the number in international format: + and the country code, for example +358401234567.'),
    ).toBeInTheDocument();
    await user.click(nextButton());
    expect(await screen.findByText('Give the number a name, for example “Support line”.')).toBeInTheDocument();
    expect(numberRow(1).getByRole('textbox', { name: 'Number name' })).toHaveFocus();
  });

  test('the same number twice is reported on the later row, however it was written', async () => {
    const { user } = await openNumbersStep();
    await fillNumber(user, 1, 'Helsinki', '+358401234567');
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    await fillNumber(user, 2, 'Helsinki again', 'whatsapp:+358 40 123 4567');
    await user.click(nextButton());
    const second = numberRow(2).getByRole('textbox', { name: 'WhatsApp number' });
    expect(await numberRow(2).findByText('This number is already in the list.')).toBeInTheDocument();
    expect(second).toHaveAttribute('aria-invalid', 'true');
    expect(numberRow(1).queryByText('This number is already in the list.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove number 1' }));
    expect(screen.queryByText('This number is already in the list.')).not.toBeInTheDocument();
  });

  test('the sandbox number fills the first empty row, then says it is in the list', async () => {
    const { user } = await openNumbersStep();
    expect(sandboxButton()).toHaveAccessibleDescription(expect.stringContaining('works without approval'));
    await user.click(sandboxButton());
    expect(rows()).toHaveLength(1);
    expect(numberRow(1).getByRole('textbox', { name: 'Number name' })).toHaveValue('Twilio sandbox');
    expect(numberRow(1).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+14155238886');
    expect(sandboxButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('The sandbox number is in the list.')).toBeInTheDocument();
    await user.click(sandboxButton());
    expect(rows()).toHaveLength(1);
  });

  test('the sandbox number is appended when every row is taken, and keeps a typed name', async () => {
    const { user } = await openNumbersStep();
    await fillNumber(user, 1, 'Helsinki', '+358401234567');
    await user.click(sandboxButton());
    expect(rows()).toHaveLength(2);
    expect(numberRow(2).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+14155238886');
    await user.click(screen.getByRole('button', { name: 'Remove number 2' }));
    expect(sandboxButton()).not.toHaveAttribute('aria-disabled');

    await user.click(screen.getByRole('button', { name: 'Add number' }));
    await user.type(numberRow(2).getByRole('textbox', { name: 'Number name' }), 'Trial');
    await user.click(sandboxButton());
    expect(rows()).toHaveLength(2);
    expect(numberRow(2).getByRole('textbox', { name: 'Number name' })).toHaveValue('Trial');
    expect(numberRow(2).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+14155238886');
  });

  test('a sandbox number typed by hand also counts', async () => {
    const { user } = await openNumbersStep();
    await fillNumber(user, 1, 'Mine', 'whatsapp:+1 415 523 8886');
    expect(sandboxButton()).toHaveAttribute('aria-disabled', 'true');
  });

  test('shows progress while the account is created', async () => {
    const { user } = await openNumbersStep();
    await fillNumber(user, 1, 'Helsinki', '+358401234567');
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    // Holds the request, then lets the mock's own handler answer it.
    backend.server.use(http.post('/api/whatsapp-accounts', () => answered));
    await user.click(nextButton());
    const busy = await screen.findByRole('button', { name: 'Creating the account…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');
    expect(within(busy.parentElement!).getByRole('status')).toHaveTextContent('Creating the account…');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.click(busy);
    release();
    expect(await screen.findByRole('textbox', { name: 'Inbound URL' })).toBeInTheDocument();
    expect(backend.db.data.accounts).toHaveLength(1);
  });
});
