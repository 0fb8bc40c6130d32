import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { QueuesPage } from './queues-page';

const backend = backendForThisFile('demo');

const SPARE_ID = '11111111-2222-4333-8444-555555555555';

/** A queue nothing uses, so that it can really be deleted. */
function seedSpareQueue() {
  backend.db.write((draft) => {
    draft.queues.push({
      id: SPARE_ID,
      name: 'Weekend overflow',
      type: 'messaging',
      priority: 8,
      memberIds: [demoIds.samAgent, demoIds.ainoAgent],
      pendingMembers: [],
      operatingHours: { timeZone: 'Europe/Helsinki', periods: [{ day: 'sat', open: '10:00', close: '16:00' }, { day: 'sun', open: '10:00', close: '16:00' }] },
      createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T08:00:00.000Z',
      version: 1,
    });
  });
}

function renderList(search = '') {
  return renderWithProviders(
    [
      { path: paths.queues, element: <QueuesPage /> },
      { path: paths.newQueue, element: <p>New queue stub</p> },
      { path: '/queues/:id', element: <p>Edit stub</p> },
      { path: '/workstreams/:id', element: <p>Workstream stub</p> },
      { path: '/workstreams/:id/routing', element: <p>Routing stub</p> },
    ],
    { initialEntries: [`${paths.queues}${search}`] },
  );
}

const rowOf = async (name: string) => within(await screen.findByRole('table', { name: 'Queues' })).getByRole('row', { name: new RegExp(`^${name}`) });

describe('Queues list', () => {
  test('shows each queue by priority with members, a summary of its hours and where it is used', async () => {
    renderList();
    const table = await screen.findByRole('table', { name: 'Queues' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Billing', 'Finnish customers', 'General support']);

    const finnish = await rowOf('Finnish customers');
    expect(finnish).toHaveTextContent('Mon–Fri 08:00–17:00 (Europe/Helsinki)');
    expect(finnish).toHaveTextContent('WhatsApp customer support: rule “Finnish numbers”');
    // One member who is a user, and one from before members were users.
    expect(within(finnish).getAllByRole('cell')[2]).toHaveTextContent(/^1\+1 not a user yet$/);
    expect(await rowOf('Billing')).toHaveTextContent('Mon–Fri 09:00–12:00, 13:00–17:30 (Europe/London)');
    const general = await rowOf('General support');
    expect(general).toHaveTextContent('Always open');
    expect(general).toHaveTextContent('WhatsApp customer support: fallback queue');
    expect(general).toHaveTextContent('Nordic sales: fallback queue');
    expect(within(general).getAllByRole('cell')[2]).toHaveTextContent('3');
  });

  test('Edit leads to the queue; New queue to the form', async () => {
    const { user, router } = renderList();
    await user.click(await screen.findByRole('link', { name: 'Edit Billing' }));
    expect(router.state.location.pathname).toBe(paths.queue('7eb1df65-ac23-4016-b817-c3de45f6a7b8'));
    await router.navigate(paths.queues);
    await user.click(await screen.findByRole('link', { name: 'New queue' }));
    expect(await screen.findByText('New queue stub')).toBeInTheDocument();
  });

  test('an empty list explains itself and leads to New queue', async () => {
    backend.db.write((data) => {
      data.queues = [];
    });
    const { user } = renderList();
    expect(await screen.findByRole('heading', { name: 'No queues yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'New queue' }));
    expect(await screen.findByText('New queue stub')).toBeInTheDocument();
  });

  test('a failed load says so and can be retried', async () => {
    backend.server.use(http.get('/api/queues', () => HttpResponse.error(), { once: true }));
    const { user } = renderList();
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Deleting a queue', () => {
  test('a fallback queue of workstreams cannot be deleted: the dialog names them, links to them and offers no Delete', async () => {
    const { user, router } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete General support' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'General support cannot be deleted yet' });
    expect(dialog).toHaveTextContent('Choose another queue in each of these places first');
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    const links = within(dialog).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Workstream “WhatsApp customer support” falls back to it',
      'Workstream “Nordic sales” falls back to it',
    ]);
    await user.click(links[1]!);
    expect(await screen.findByText('Workstream stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(paths.workstream('90d3f187-ce45-4238-9a39-e5f067b8c9da'));
  });

  test('a rule target cannot be deleted: the dialog links to the rules; Close keeps everything', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete Finnish customers' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Finnish customers cannot be deleted yet' });
    const link = within(dialog).getByRole('link', { name: 'Rule “Finnish numbers” of workstream “WhatsApp customer support” sends conversations to it' });
    expect(link).toHaveAttribute('href', paths.routingRules('8fc2e076-bd34-4127-8928-d4ef56a7b8c9'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitForDialogsToClose();
    expect(backend.db.data.queues).toHaveLength(3);
  });

  test('an unused queue: the dialog names its members, deletes on confirm and says so', async () => {
    seedSpareQueue();
    const { user } = renderList();
    expect(await rowOf('Weekend overflow')).toHaveTextContent('Sat–Sun 10:00–16:00 (Europe/Helsinki)');
    await user.click(await screen.findByRole('button', { name: 'Delete Weekend overflow' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Weekend overflow?' });
    expect(dialog).toHaveTextContent('Its 2 members lose access to the queue: Sam Taylor, Aino Virtanen.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Weekend overflow was deleted.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(screen.queryByRole('row', { name: /Weekend overflow/ })).not.toBeInTheDocument();
    expect(backend.db.data.queues.map((q) => q.id)).not.toContain(SPARE_ID);
  });

  test('a queue that came into use after the list loaded: the refusal is shown in the dialog, with where it is used now', async () => {
    seedSpareQueue();
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Delete Weekend overflow' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Weekend overflow?' });
    backend.db.write((draft) => {
      draft.workstreams[1]!.fallbackQueueId = SPARE_ID;
    });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/This queue came into use after the list was loaded/)).toBeInTheDocument();
    expect(await within(dialog).findByRole('link', { name: 'Workstream “Nordic sales” falls back to it' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(backend.db.data.queues.map((q) => q.id)).toContain(SPARE_ID);
  });

  test('a server error keeps the dialog open with the reason, and the retry works', async () => {
    seedSpareQueue();
    const { user } = renderList();
    backend.faults.failNextWrite();
    await user.click(await screen.findByRole('button', { name: 'Delete Weekend overflow' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Weekend overflow was deleted.')).toBeInTheDocument();
  });
});
