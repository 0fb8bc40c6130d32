import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, waitForDialogsToClose } from '@/testing/render';
import {
  ACCOUNT_ID,
  bindNumber,
  openConversationsOn,
  pageHeading,
  recordRequests,
  renderEditPage,
  seedAccount,
  storedNumbers,
} from '../../../../testing/features/edit-account';

const backend = backendForThisFile();

const OLD = '+4791234567';
const NEW = '+4791234568';

async function editBoundNumber({ conversations = 2 } = {}) {
  seedAccount(backend, { numbers: [{ name: 'Oslo', number: OLD }, { name: 'Bergen', number: '+4798765432' }] });
  bindNumber(backend, `${ACCOUNT_ID}-number-1`, { id: 'ws-1', name: 'Norway sales' });
  openConversationsOn(backend, OLD, conversations);
  const rendered = renderEditPage('?tab=numbers');
  await pageHeading();
  await rendered.user.click(screen.getByRole('button', { name: `Edit ${OLD}` }));
  const edit = await screen.findByRole('dialog', { name: 'Edit number' });
  return { ...rendered, edit };
}

const numberField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'WhatsApp number' });
const nameField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'Number name' });
const confirmTitle = `Change ${OLD} to ${NEW}?`;

describe('renumbering a number in use', { timeout: 40_000 }, () => {
  test('asks first, naming the workstream, its open conversations and what Twilio needs', async () => {
    const requests = recordRequests(backend);
    const { user, edit } = await editBoundNumber();
    await user.clear(numberField(edit));
    await user.type(numberField(edit), `${NEW}{Enter}`);

    const confirm = await screen.findByRole('alertdialog', { name: confirmTitle });
    expect(confirm).toHaveTextContent(`The workstream Norway sales will receive its WhatsApp conversations on ${NEW} instead.`);
    expect(confirm).toHaveTextContent(`2 open conversations were started on ${OLD}: their customers still write to the old number.`);
    expect(confirm).toHaveTextContent(`${NEW} must be a WhatsApp sender in this Twilio account`);
    expect(confirm).toHaveTextContent('“STATUS CALLBACK URL”');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(requests).toEqual([]);
    await expectNoAxeViolations();

    await user.click(within(confirm).getByRole('button', { name: 'Change number' }));
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    expect(requests.map((r) => r.body)).toEqual([{ version: 1, number: NEW }]);
    await waitForDialogsToClose();
    expect(storedNumbers(backend)[0]).toMatchObject({ number: NEW });
  });

  test('Cancel keeps the old number and what was typed, and sends nothing', async () => {
    const requests = recordRequests(backend);
    const { user, edit } = await editBoundNumber();
    await user.clear(numberField(edit));
    await user.type(numberField(edit), NEW);
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    const confirm = await screen.findByRole('alertdialog', { name: confirmTitle });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(numberField(screen.getByRole('dialog', { name: 'Edit number' }))).toHaveValue(NEW);
    expect(requests).toEqual([]);
    expect(storedNumbers(backend)[0]).toMatchObject({ number: OLD, version: 1 });
  });

  test('one open conversation is named in the singular; none is not mentioned', async () => {
    const { user, edit } = await editBoundNumber({ conversations: 1 });
    await user.clear(numberField(edit));
    await user.type(numberField(edit), `${NEW}{Enter}`);
    const confirm = await screen.findByRole('alertdialog', { name: confirmTitle });
    expect(confirm).toHaveTextContent(`1 open conversation was started on ${OLD}: its customer still writes to the old number.`);
  });

  test('renaming a number in use needs no confirmation', async () => {
    const requests = recordRequests(backend);
    const { user, edit } = await editBoundNumber();
    await user.clear(nameField(edit));
    await user.type(nameField(edit), 'Oslo office{Enter}');
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.map((r) => r.body)).toEqual([{ version: 1, name: 'Oslo office' }]);
  });
});
