import { screen, waitFor, within } from '@testing-library/react';
import { useParams } from 'react-router';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { EditWorkstreamPage } from '../edit-workstream/edit-workstream-page';

const backend = backendForThisFile('demo');

const SALES_ID = '90d3f187-ce45-4238-9a39-e5f067b8c9da';
const SECRET = 'a-shared-secret-of-32-characters';

function RoutedPage() {
  const { workstreamId = '' } = useParams();
  return <EditWorkstreamPage workstreamId={workstreamId} />;
}

function renderEdit() {
  return renderWithProviders([{ path: '/workstreams/:workstreamId', element: <RoutedPage /> }], { initialEntries: [paths.workstream(SALES_ID)] });
}

const stored = () => backend.db.data.workstreams.find((w) => w.id === SALES_ID)!;

function withoutBot() {
  backend.db.write((draft) => {
    draft.workstreams.find((w) => w.id === SALES_ID)!.bot = null;
  });
}

/** The bodies of the writes to the bot's endpoint. */
function recordBotWrites() {
  const writes: { method: string; body: unknown }[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (!new URL(request.url).pathname.endsWith('/bot')) return;
    const text = await request.clone().text();
    writes.push({ method: request.method, body: text ? JSON.parse(text) : null });
  });
  return writes;
}

async function botForm() {
  await screen.findByRole('heading', { level: 1, name: 'Nordic sales' });
  return screen.getByRole('form', { name: 'Bot' });
}

describe('The bot card', { timeout: 40_000 }, () => {
  test('the first bot needs a secret; once saved only its last 4 characters are shown', async () => {
    withoutBot();
    const writes = recordBotWrites();
    const { user } = renderEdit();
    const form = await botForm();
    expect(screen.getByText('No bot is connected.')).toBeInTheDocument();
    expect(screen.getByText('See docs/bot-api.md in the repository for what the bot receives and answers.')).toBeInTheDocument();
    await user.type(within(form).getByRole('textbox', { name: 'Bot name' }), 'Order bot');
    await user.type(within(form).getByRole('textbox', { name: 'Address (URL)' }), 'http://bot.example.com/hook');
    await user.click(within(form).getByRole('button', { name: 'Connect bot' }));

    // Every field says what is wrong at once, and nothing is sent.
    expect(await within(form).findByText(/must start with https:\/\//)).toBeInTheDocument();
    expect(within(form).getByText('Enter the shared secret the bot checks signatures with.')).toBeInTheDocument();
    expect(writes).toEqual([]);

    const url = within(form).getByRole('textbox', { name: 'Address (URL)' });
    await user.clear(url);
    await user.type(url, 'https://bot.example.com/hook');
    await user.type(within(form).getByLabelText(/^Shared secret/), SECRET);
    const turns = within(form).getByRole('spinbutton', { name: 'Maximum turns' });
    expect(turns).toHaveValue(10);
    await user.clear(turns);
    await user.type(turns, '5');
    await user.click(within(form).getByRole('button', { name: 'Connect bot' }));

    expect(await screen.findByText('The bot was saved.')).toBeInTheDocument();
    expect(writes).toEqual([
      { method: 'PUT', body: { version: 2, name: 'Order bot', url: 'https://bot.example.com/hook', secret: SECRET, firstToBot: true, maxTurns: 5 } },
    ]);
    const saved = await botForm();
    expect(await within(saved).findByText('Secret set, ends with …ters. Leave the field empty to keep it.')).toBeInTheDocument();
    expect(within(saved).getByLabelText(/^Shared secret/)).toHaveValue('');
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  test('a later save leaves the secret out to keep it', async () => {
    const writes = recordBotWrites();
    const { user } = renderEdit();
    const form = await botForm();
    expect(within(form).getByText('Secret set, ends with …c0de. Leave the field empty to keep it.')).toBeInTheDocument();
    await user.click(within(form).getByRole('switch', { name: 'Conversations go to the bot first' }));
    await user.click(within(form).getByRole('button', { name: 'Save bot' }));

    expect(await screen.findByText('The bot was saved.')).toBeInTheDocument();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.body).toMatchObject({ name: 'Contoso assistant', firstToBot: false });
    expect(writes[0]!.body).not.toHaveProperty('secret');
    expect(stored().bot).toMatchObject({ firstToBot: false, secretHint: 'c0de' });
  });

  test('a bot moved to plain http://localhost needs its secret again, and is saved with a warning', async () => {
    const { user } = renderEdit();
    const form = await botForm();
    expect(screen.queryByText(/plain HTTP/)).not.toBeInTheDocument();
    const url = within(form).getByRole('textbox', { name: 'Address (URL)' });
    await user.clear(url);
    await user.type(url, 'http://localhost:4400/bot');
    await user.click(within(form).getByRole('button', { name: 'Save bot' }));
    expect(await within(form).findByText(/moved to another host: enter its shared secret again/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/^Shared secret/), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Save bot' }));
    expect(await screen.findByText(/This bot’s address is plain HTTP/)).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  test('removing the bot asks first and says where its conversations go', async () => {
    const writes = recordBotWrites();
    const { user } = renderEdit();
    const form = await botForm();
    await user.click(within(form).getByRole('button', { name: 'Remove bot' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Contoso assistant?' });
    expect(dialog).toHaveTextContent('Conversations that are with the bot now go to agents');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(writes).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Remove bot' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove bot' }));
    expect(await screen.findByText('The bot was removed.')).toBeInTheDocument();
    expect(writes).toEqual([{ method: 'DELETE', body: null }]);
    expect(stored().bot).toBeNull();
    await waitFor(() => expect(screen.getByText('No bot is connected.')).toBeInTheDocument());
    expect(within(screen.getByRole('form', { name: 'Bot' })).getByRole('button', { name: 'Connect bot' })).toBeInTheDocument();
  });
});
