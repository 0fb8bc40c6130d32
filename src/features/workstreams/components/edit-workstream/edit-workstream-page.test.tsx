import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useParams } from 'react-router';
import { paths } from '@/config/paths';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { EditWorkstreamPage } from './edit-workstream-page';

const backend = backendForThisFile('demo');

const SUPPORT_ID = '8fc2e076-bd34-4127-8928-d4ef56a7b8c9';
const SALES_ID = '90d3f187-ce45-4238-9a39-e5f067b8c9da';
const BILLING_QUEUE = '7eb1df65-ac23-4016-b817-c3de45f6a7b8';

function RoutedPage() {
  const { workstreamId = '' } = useParams();
  return <EditWorkstreamPage workstreamId={workstreamId} />;
}

function renderEdit(id = SALES_ID) {
  return renderWithProviders(
    [
      { path: '/workstreams/:workstreamId', element: <RoutedPage /> },
      { path: '/workstreams/:workstreamId/routing', element: <p>Rules stub</p> },
      { path: paths.workstreams, element: <p>List stub</p> },
    ],
    { initialEntries: [paths.workstreams, paths.workstream(id)] },
  );
}

const stored = (id = SALES_ID) => backend.db.data.workstreams.find((w) => w.id === id)!;
const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const saveButton = () => screen.getByRole('button', { name: 'Save' });

function recordWrites() {
  const bodies: unknown[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method !== 'GET') bodies.push(JSON.parse(await request.clone().text()));
  });
  return bodies;
}

// Whole pages with many fields, typed into on a shared machine.
describe('Editing a workstream', { timeout: 40_000 }, () => {
  test('shows its settings; the distribution mode is disabled with the reason', async () => {
    renderEdit();
    expect(await screen.findByRole('heading', { level: 1, name: 'Nordic sales' })).toBeInTheDocument();
    await screen.findByRole('option', { name: 'Billing' });
    expect(nameInput()).toHaveValue('Nordic sales');
    const pick = screen.getByRole('radio', { name: 'Pick' });
    expect(pick).toBeChecked();
    expect(pick).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Push' })).toBeDisabled();
    expect(screen.getByRole('radiogroup', { name: 'Work distribution mode' })).toHaveAccessibleDescription(
      expect.stringContaining('The mode cannot be changed after the workstream is created'),
    );
    expect(screen.getByRole('combobox', { name: 'Fallback queue' })).toHaveValue('5c9fbd43-8a01-4ec4-96f5-a1bc23d4e5f6');
    expect(screen.getByRole('spinbutton', { name: 'Units per conversation' })).toHaveValue(1);
    // Each timing field shows under the setting it belongs to, only while that is on.
    expect(screen.getByRole('spinbutton', { name: 'Wrap-up time (minutes)' })).toHaveValue(5);
    expect(screen.queryByRole('spinbutton', { name: 'Fall back after (minutes)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('spinbutton', { name: 'Within (days)' })).not.toBeInTheDocument();
    // The bot has its own card, saved apart from the settings.
    const bot = screen.getByRole('form', { name: 'Bot' });
    expect(within(bot).getByRole('textbox', { name: 'Bot name' })).toHaveValue('Contoso assistant');
    expect(screen.getByRole('switch', { name: 'Send a returning customer to their previous agent' })).not.toBeChecked();
  });

  test('saving sends the changes with the version and without the fixed mode, and the form starts over from them', async () => {
    const writes = recordWrites();
    const { user } = renderEdit();
    await screen.findByRole('option', { name: 'Billing' });
    await user.clear(nameInput());
    await user.type(nameInput(), 'Nordic sales team');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fallback queue' }), 'Billing');
    await user.click(saveButton());

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ version: 2, name: 'Nordic sales team', fallbackQueueId: BILLING_QUEUE });
    expect(writes[0]).not.toHaveProperty('bot');
    expect(writes[0]).not.toHaveProperty('distributionMode');
    expect(stored()).toMatchObject({ name: 'Nordic sales team', version: 3, bot: { name: 'Contoso assistant' }, distributionMode: 'pick' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nordic sales team' })).toBeInTheDocument();

    await user.click(saveButton());
    expect(await screen.findByText('There are no changes to save.')).toBeInTheDocument();
    expect(writes).toHaveLength(1);
  });

  test('a version conflict offers Reload, which keeps what was typed and takes the rest from the server', async () => {
    const { user } = renderEdit();
    await screen.findByRole('heading', { level: 1, name: 'Nordic sales' });
    await user.clear(nameInput());
    await user.type(nameInput(), 'Mine');
    backend.db.write((draft) => {
      const w = draft.workstreams.find((x) => x.id === SALES_ID)!;
      w.skillMatching = 'exact';
      w.version += 1;
    });
    await user.click(saveButton());
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Mine');

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Exact match' })).toBeChecked());
    expect(nameInput()).toHaveValue('Mine');
    expect(screen.queryByText(/Someone else changed this/)).not.toBeInTheDocument();
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(stored()).toMatchObject({ name: 'Mine', skillMatching: 'exact', version: 4 });
  });

  test('a server error keeps the values; the name of another workstream is reported on the field', async () => {
    const { user } = renderEdit();
    await screen.findByRole('heading', { level: 1, name: 'Nordic sales' });
    await user.clear(nameInput());
    await user.type(nameInput(), 'WHATSAPP customer support');
    await user.click(saveButton());
    expect(await screen.findByText('Another workstream already has this name. Choose a different one.')).toBeInTheDocument();

    await user.clear(nameInput());
    await user.type(nameInput(), 'Sales');
    backend.faults.failNextWrite();
    await user.click(saveButton());
    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Sales');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
  });

  test('quick replies keep their ids and translations when one is edited', async () => {
    const { user } = renderEdit(SUPPORT_ID);
    await screen.findByRole('heading', { level: 1, name: 'WhatsApp customer support' });
    const before = stored(SUPPORT_ID).advanced.quickReplies;
    expect(before.length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    const first = screen.getByRole('group', { name: before[0]!.title });
    const title = within(first).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Hello');
    await user.click(saveButton());

    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const after = stored(SUPPORT_ID).advanced.quickReplies;
    expect(after.map((reply) => reply.id)).toEqual(before.map((reply) => reply.id));
    expect(after[0]).toEqual({ ...before[0], title: 'Hello' });
  });

  test('shows the routing rule count with the way to the rules', async () => {
    const { user, router } = renderEdit(SUPPORT_ID);
    await screen.findByRole('heading', { level: 1, name: 'WhatsApp customer support' });
    const section = screen.getByRole('region', { name: 'Routing rules' });
    expect(section).toHaveTextContent('3 routing rules send conversations to queues; the rest go to the fallback queue General support.');
    await user.click(within(section).getByRole('link', { name: 'Manage routing rules' }));
    expect(router.state.location.pathname).toBe(paths.routingRules(SUPPORT_ID));
  });

  test('a workstream that does not exist says so, with the way back', async () => {
    renderEdit('00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText(/This item does not exist any more/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to workstreams' })).toBeInTheDocument();
  });
});
