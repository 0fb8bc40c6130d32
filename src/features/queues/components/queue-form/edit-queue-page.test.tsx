import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, currentUrl, demoIds } from '@/testing/render';
import { BILLING_ID, group, LIST_STUB, recordRequests, renderQueuePage, textbox } from '../../../../testing/features/queue-form';

const backend = backendForThisFile('demo');

const stored = () => backend.db.data.queues.find((q) => q.id === BILLING_ID)!;
const saveButton = () => screen.getByRole('button', { name: 'Save' });

async function openBilling() {
  const rendered = renderQueuePage(paths.queue(BILLING_ID));
  await screen.findByRole('heading', { level: 1, name: 'Edit Billing' });
  return rendered;
}

async function rename(user: Awaited<ReturnType<typeof openBilling>>['user'], name: string) {
  await user.clear(textbox('Name'));
  await user.type(textbox('Name'), name);
}

// Billing has ten opening periods: a heavy form for happy-dom on a busy machine.
describe('Edit queue', { timeout: 30_000 }, () => {
  test('shows the queue as stored, periods in the order of the week', async () => {
    await openBilling();
    expect(textbox('Name')).toHaveValue('Billing');
    expect(screen.getByRole('spinbutton', { name: 'Priority' })).toHaveValue(2);
    const members = within(screen.getByRole('list', { name: 'Members' })).getAllByRole('listitem');
    expect(members.map((m) => m.textContent)).toEqual([expect.stringContaining('Sam Taylor'), expect.stringContaining('Priya Patel')]);
    expect(members[1]).toHaveTextContent('priya.patel@contoso.example');
    expect(members[1]).toHaveTextContent('Away');
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/London');
    expect(screen.getAllByRole('group', { name: /^Period \d+$/ })).toHaveLength(10);
    expect(textbox('Opens', group('Period 2'))).toHaveValue('13:00');
    expect(within(group('Period 2')).getByRole('combobox', { name: 'Day' })).toHaveValue('mon');
  });

  test('saves the changes with the version and says so', async () => {
    const requests = recordRequests(backend);
    const { user } = await openBilling();
    await rename(user, 'Billing and invoices');
    await user.click(screen.getByRole('button', { name: 'Remove Sam Taylor' }));
    await user.click(screen.getByRole('combobox', { name: 'Add member' }));
    await user.click(await screen.findByRole('option', { name: /Aino Virtanen/ }));
    await user.click(saveButton());

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      path: `/api/queues/${BILLING_ID}`,
      body: { version: 1, name: 'Billing and invoices', priority: 2, memberIds: [demoIds.priyaAgent, demoIds.ainoAgent] },
    });
    expect(stored()).toMatchObject({ name: 'Billing and invoices', version: 2 });
    expect(await screen.findByRole('heading', { level: 1, name: 'Edit Billing and invoices' })).toBeInTheDocument();
  });

  test('after a save the form is clean: the next save builds on the new version, and leaving asks nothing', async () => {
    const { user } = await openBilling();
    await user.click(screen.getByRole('radio', { name: 'Always open' }));
    await user.click(saveButton());
    await waitFor(() => expect(stored()).toMatchObject({ operatingHours: null, version: 2 }));
    await rename(user, 'Billing 2');
    await user.click(saveButton());
    await waitFor(() => expect(stored()).toMatchObject({ name: 'Billing 2', operatingHours: null, version: 3 }));
    await user.click(screen.getByRole('link', { name: 'Back to queues' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('saving without changes sends nothing', async () => {
    const requests = recordRequests(backend);
    const { user } = await openBilling();
    await user.click(saveButton());
    expect(await screen.findByText('There are no changes to save.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  test('field errors from the server land on their fields', async () => {
    const { user } = await openBilling();
    await rename(user, 'Finnish Customers');
    await user.click(saveButton());
    expect(await screen.findByText('Another queue already has this name. Choose a different one.')).toBeInTheDocument();
    expect(textbox('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
  });

  test('a version conflict keeps what is typed, Reload takes the other changes under it, then it saves', async () => {
    const { user } = await openBilling();
    await rename(user, 'Mine');
    await user.click(screen.getByRole('button', { name: 'Remove Sam Taylor' }));
    backend.db.write((draft) => {
      const queue = draft.queues.find((q) => q.id === BILLING_ID)!;
      queue.name = 'Theirs';
      queue.priority = 7;
      queue.version += 1;
    });
    await user.click(saveButton());
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    expect(textbox('Name')).toHaveValue('Mine');
    expect(screen.queryByRole('button', { name: 'Remove Sam Taylor' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument());
    expect(textbox('Name')).toHaveValue('Mine');
    expect(screen.queryByRole('button', { name: 'Remove Sam Taylor' })).not.toBeInTheDocument();
    // What this admin did not touch shows the other admin's change.
    expect(screen.getByRole('spinbutton', { name: 'Priority' })).toHaveValue(7);

    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(stored()).toMatchObject({ name: 'Mine', priority: 7, memberIds: [demoIds.priyaAgent], version: 3 });
  });

  test('members who are not users yet: Invite opens Add user filled in; Remove asks, then saves at once', async () => {
    const requests = recordRequests(backend);
    const { user, router } = renderQueuePage(paths.queue(demoIds.finnishQueue));
    const pending = await screen.findByRole('list', { name: 'Not users yet' });
    expect(within(pending).getByRole('listitem')).toHaveTextContent('Mikko Lahtinen');
    expect(within(pending).getByRole('listitem')).toHaveTextContent('mikko.lahtinen@contoso.example');
    await expectNoAxeViolations();

    const invite = within(pending).getByRole('link', { name: 'Invite Mikko Lahtinen as a user' });
    expect(invite).toHaveAttribute('href', paths.inviteUser('Mikko Lahtinen', 'mikko.lahtinen@contoso.example'));

    await user.click(within(pending).getByRole('button', { name: 'Remove Mikko Lahtinen from the queue' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Mikko Lahtinen from the queue?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(requests).toEqual([]);
    await user.click(within(pending).getByRole('button', { name: 'Remove Mikko Lahtinen from the queue' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('Mikko Lahtinen was removed from the queue.')).toBeInTheDocument();
    expect(requests).toEqual([{ method: 'PATCH', path: `/api/queues/${demoIds.finnishQueue}`, body: { version: 1, pendingMembers: [] } }]);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Not users yet' })).not.toBeInTheDocument());
    // The form moved on to the new version: a save after it is no conflict.
    await rename(user, 'Finnish');
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(currentUrl(router)).toBe(paths.queue(demoIds.finnishQueue));
  });

  test('a queue that does not exist says so and leads back', async () => {
    const { user } = renderQueuePage(paths.queue('00000000-0000-4000-8000-000000000000'));
    expect(await screen.findByText(/This item does not exist any more/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to queues' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });
});
