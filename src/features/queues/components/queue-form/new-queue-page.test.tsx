import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, currentUrl, demoIds } from '@/testing/render';
import { group, LIST_STUB, recordRequests, renderQueuePage, textbox } from '../../../../testing/features/queue-form';

const backend = backendForThisFile('demo');

async function openNewQueue() {
  const rendered = renderQueuePage(paths.newQueue);
  await screen.findByRole('heading', { level: 1, name: 'New queue' });
  return rendered;
}

const createButton = () => screen.getByRole('button', { name: 'Create queue' });

// A whole form with a searchable picker, typed into on a shared machine.
describe('New queue', { timeout: 40_000 }, () => {
  test('starts with weekday office hours in the browser’s time zone, priority 5 and the type shown read-only', async () => {
    await openNewQueue();
    expect(screen.queryByRole('textbox', { name: 'Type' })).not.toBeInTheDocument();
    expect(screen.getByText('Type', { selector: 'dt' }).nextElementSibling).toHaveTextContent(/^Messaging/);
    expect(screen.getByRole('spinbutton', { name: 'Priority' })).toHaveValue(5);
    expect(screen.getByText(/priority 1 are handled first/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Set hours' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(screen.getAllByRole('group', { name: /^Period \d$/ })).toHaveLength(5);
    expect(within(group('Period 5')).getByRole('combobox', { name: 'Day' })).toHaveValue('fri');
  });

  test('creates a queue with members chosen from the users, by keyboard, and goes to the list with it highlighted', async () => {
    const requests = recordRequests(backend);
    const { user, router } = await openNewQueue();
    await user.type(textbox('Name'), '  Weekend overflow ');
    const priority = screen.getByRole('spinbutton', { name: 'Priority' });
    await user.clear(priority);
    await user.type(priority, '2');

    // The picker searches by name or e-mail and shows each user's presence.
    const picker = await screen.findByRole('combobox', { name: 'Add member' });
    await user.click(picker);
    await user.keyboard('priya');
    const option = await screen.findByRole('option', { name: /Priya Patel/ });
    expect(option).toHaveTextContent('priya.patel@contoso.example');
    expect(option).toHaveTextContent('Away');
    expect(screen.queryByRole('option', { name: /Sam Taylor/ })).not.toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(picker);
    await user.keyboard('contoso.example');
    await user.click(await screen.findByRole('option', { name: /Sam Taylor/ }));

    const members = screen.getByRole('list', { name: 'Members' });
    expect(within(members).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Priya Patel'),
      expect.stringContaining('Sam Taylor'),
    ]);
    expect(within(members).getAllByRole('listitem')[1]).toHaveTextContent('Busy');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Time zone' }), 'Europe/Helsinki');
    await user.click(screen.getByRole('button', { name: 'Remove period 5' }));
    await user.click(createButton());

    await waitFor(() => expect(currentUrl(router)).toMatch(/^\/queues\?highlight=/));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
    expect(await screen.findByText('Weekend overflow was created.')).toBeInTheDocument();
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/api/queues',
        body: {
          type: 'messaging',
          name: 'Weekend overflow',
          priority: 2,
          memberIds: [demoIds.priyaAgent, demoIds.samAgent],
          operatingHours: {
            timeZone: 'Europe/Helsinki',
            periods: ['mon', 'tue', 'wed', 'thu'].map((day) => ({ day, open: '09:00', close: '17:00' })),
          },
        },
      },
    ]);
    expect(backend.db.data.queues.find((q) => q.name === 'Weekend overflow')).toMatchObject({ memberIds: [demoIds.priyaAgent, demoIds.samAgent] });
  });

  test('bad input is worded on each field and nothing is sent', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNewQueue();
    const priority = screen.getByRole('spinbutton', { name: 'Priority' });
    await user.clear(priority);
    await user.type(priority, '11');

    const monday = group('Period 1');
    await user.clear(textbox('Opens', monday));
    await user.type(textbox('Opens', monday), '8:00');
    const tuesday = group('Period 2');
    await user.clear(textbox('Closes', tuesday));
    await user.type(textbox('Closes', tuesday), '08:30');
    await user.click(screen.getByRole('button', { name: 'Add period' }));
    const extra = group('Period 6');
    await user.selectOptions(within(extra).getByRole('combobox', { name: 'Day' }), 'wed');
    await user.clear(textbox('Opens', extra));
    await user.type(textbox('Opens', extra), '16:00');
    await user.clear(textbox('Closes', extra));
    await user.type(textbox('Closes', extra), '18:00');

    await user.click(createButton());

    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(textbox('Name')).toHaveFocus();
    expect(screen.getByText('Priority is a whole number from 1 (handled first) to 10.')).toBeInTheDocument();
    expect(within(monday).getByText(/Write the time as HH:MM/)).toBeInTheDocument();
    expect(within(tuesday).getByText('The closing time must be later than the opening time.')).toBeInTheDocument();
    expect(within(extra).getByText('This period overlaps another one on the same day.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  test('a member removed as a user meanwhile is refused by the server on their row', async () => {
    const { user } = await openNewQueue();
    await user.type(textbox('Name'), 'Escalations');
    await user.click(await screen.findByRole('combobox', { name: 'Add member' }));
    await user.click(await screen.findByRole('option', { name: /Aino Virtanen/ }));
    await user.click(screen.getByRole('combobox', { name: 'Add member' }));
    await user.click(await screen.findByRole('option', { name: /Sam Taylor/ }));
    backend.db.write((draft) => {
      draft.users = draft.users.filter((u) => u.id !== demoIds.samAgent);
    });
    await user.click(createButton());

    const row = (await screen.findByText('This user does not exist any more. Remove them from the list.')).closest('li')!;
    expect(row).toHaveTextContent('Sam Taylor');
    await user.click(within(row).getByRole('button', { name: 'Remove Sam Taylor' }));
    expect(screen.getByRole('combobox', { name: 'Add member' })).toHaveFocus();
    await user.click(createButton());
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('members and periods can be added and removed; Weekdays 9–17 fills the week; removing every period is refused', async () => {
    const { user } = await openNewQueue();
    const picker = await screen.findByRole('combobox', { name: 'Add member' });
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: /Eero Agent/ }));
    await user.click(picker);
    // Someone already chosen is not offered twice.
    expect(screen.queryByRole('option', { name: /Eero Agent/ })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Remove Eero Agent' }));
    expect(picker).toHaveFocus();
    expect(screen.getByText(/No members yet/)).toBeInTheDocument();

    for (let i = 5; i >= 1; i -= 1) await user.click(screen.getByRole('button', { name: `Remove period ${i}` }));
    expect(screen.getByText(/No opening periods yet/)).toBeInTheDocument();
    await user.type(textbox('Name'), 'Closed');
    await user.click(createButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Add at least one opening period, or choose “Always open”.');

    await user.click(screen.getByRole('button', { name: 'Weekdays 9–17' }));
    expect(screen.getAllByRole('group', { name: /^Period \d$/ })).toHaveLength(5);
    await waitFor(() => expect(screen.queryByText(/Add at least one opening period/)).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Add period' }));
    expect(within(group('Period 6')).getByRole('combobox', { name: 'Day' })).toHaveFocus();
    await user.selectOptions(within(group('Period 6')).getByRole('combobox', { name: 'Day' }), 'sat');
  });

  test('the form has no axe violations, with members chosen', async () => {
    const { user } = await openNewQueue();
    await user.click(await screen.findByRole('combobox', { name: 'Add member' }));
    await user.click(await screen.findByRole('option', { name: /Aino Virtanen/ }));
    await expectNoAxeViolations();
  });

  test('Always open sends no hours, and keeps the typed ones should the admin change their mind', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNewQueue();
    await user.type(textbox('Name'), 'Night shift');
    await user.click(screen.getByRole('radio', { name: 'Always open' }));
    expect(screen.queryByRole('combobox', { name: 'Time zone' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Set hours' }));
    expect(screen.getAllByRole('group', { name: /^Period \d$/ })).toHaveLength(5);
    await user.click(screen.getByRole('radio', { name: 'Always open' }));
    await user.click(createButton());
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
    expect(requests[0]?.body).toMatchObject({ name: 'Night shift', operatingHours: null, memberIds: [] });
  });

  test('a name another queue has is reported on the field by the server, and nothing typed is lost', async () => {
    const { user } = await openNewQueue();
    await user.type(textbox('Name'), 'general SUPPORT');
    await user.click(createButton());
    expect(await screen.findByText('Another queue already has this name. Choose a different one.')).toBeInTheDocument();
    expect(textbox('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('Name')).toHaveFocus();
    expect(textbox('Name')).toHaveValue('general SUPPORT');
  });

  test('a server failure keeps everything typed and Try again sends it again', async () => {
    const { user } = await openNewQueue();
    await user.type(textbox('Name'), 'Escalations');
    backend.faults.failNextWrite();
    await user.click(createButton());
    expect(await screen.findByText('Something went wrong on the server (500). Nothing was saved; try again.')).toBeInTheDocument();
    expect(textbox('Name')).toHaveValue('Escalations');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('leaving with unsaved changes asks first', async () => {
    const { user } = await openNewQueue();
    await user.type(textbox('Name'), 'Half done');
    await user.click(screen.getByRole('link', { name: 'Back to queues' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(textbox('Name')).toHaveValue('Half done');
    await user.click(screen.getByRole('link', { name: 'Back to queues' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });
});
