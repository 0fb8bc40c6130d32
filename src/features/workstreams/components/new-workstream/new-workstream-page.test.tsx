import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { fieldError, validationProblemBody } from '@/api/contract/problem-bodies';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { paths } from '@/config/paths';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, currentUrl, renderWithProviders } from '@/testing/render';
import { NewWorkstreamPage } from './new-workstream-page';

const backend = backendForThisFile('demo');

const GENERAL_QUEUE = '5c9fbd43-8a01-4ec4-96f5-a1bc23d4e5f6';

function renderNew() {
  return renderWithProviders(
    [
      { path: paths.newWorkstream, element: <NewWorkstreamPage /> },
      { path: paths.workstreams, element: <p>List stub</p> },
      { path: paths.newQueue, element: <p>New queue stub</p> },
    ],
    { initialEntries: [paths.workstreams, paths.newWorkstream] },
  );
}

/** The JSON bodies of the writes the mock receives. */
function recordWrites() {
  const bodies: unknown[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method !== 'GET') bodies.push(JSON.parse(await request.clone().text()));
  });
  return bodies;
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const queueSelect = () => screen.getByRole('combobox', { name: 'Fallback queue' });
const createButton = () => screen.getByRole('button', { name: 'Create workstream' });

async function ready(user: ReturnType<typeof renderNew>['user']) {
  await screen.findByRole('heading', { level: 1, name: 'New workstream' });
  await within(queueSelect()).findByRole('option', { name: 'General support' });
  return user;
}

async function fillRequired(user: ReturnType<typeof renderNew>['user'], name = 'Returns') {
  await user.type(nameInput(), name);
  await user.selectOptions(queueSelect(), 'General support');
}

// Whole pages with many fields, typed into on a shared machine.
describe('Creating a workstream', { timeout: 40_000 }, () => {
  test('with the defaults: push, capacity 1 unit, available and busy, closest match, same agent, no bot, no variables', async () => {
    const writes = recordWrites();
    const { user, router } = renderNew();
    await ready(user);
    // What the workstream is, as text: no input that never takes input.
    expect(screen.queryByRole('textbox', { name: 'Type' })).not.toBeInTheDocument();
    expect(screen.getByText('Type', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Messaging');
    expect(screen.getByText('Channel', { selector: 'dt' }).nextElementSibling).toHaveTextContent('WhatsApp');
    await expectNoAxeViolations();
    expect(screen.getByRole('radio', { name: 'Push' })).toBeChecked();
    expect(screen.getByText('Choose now: the mode cannot be changed after the workstream is created.')).toBeInTheDocument();

    await fillRequired(user, '  Returns ');
    await user.click(createButton());

    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(currentUrl(router)).toMatch(/^\/workstreams\?highlight=[0-9a-f-]{36}$/);
    expect(await screen.findByText('Returns was created. Next, set up WhatsApp on it.')).toBeInTheDocument();
    expect(writes).toEqual([
      {
        name: 'Returns',
        type: 'messaging',
        channel: 'whatsapp',
        distributionMode: 'push',
        fallbackQueueId: GENERAL_QUEUE,
        capacity: { mode: 'unit', value: 1 },
        blockCapacityForWrapUp: false,
        wrapUpMinutes: 5,
        allowedPresences: ['available', 'busy'],
        skillMatching: 'closest',
        skillFallbackMinutes: 10,
        keepSameAgent: true,
        keepSameAgentDays: 7,
        advanced: {
          notificationTemplate: 'messagingIncoming',
          contextVariables: [],
          quickReplies: [],
        },
      },
    ]);
  });

  test('every setting the form shows reaches the server', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user, 'Nordic returns');
    await user.click(screen.getByRole('radio', { name: 'Pick' }));
    await user.click(screen.getByRole('radio', { name: 'Profile-based' }));
    const capacity = screen.getByRole('spinbutton', { name: 'Conversations per agent' });
    await user.clear(capacity);
    await user.type(capacity, '4');
    expect(screen.queryByRole('spinbutton', { name: 'Wrap-up time (minutes)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Block capacity for wrap-up' }));
    const wrapUp = screen.getByRole('spinbutton', { name: 'Wrap-up time (minutes)' });
    await user.clear(wrapUp);
    await user.type(wrapUp, '15');
    await user.click(screen.getByRole('checkbox', { name: 'Busy' }));
    await user.click(screen.getByRole('checkbox', { name: 'Away' }));
    await user.click(screen.getByRole('radio', { name: 'Exact match' }));
    const fallback = screen.getByRole('spinbutton', { name: 'Fall back after (minutes)' });
    await user.clear(fallback);
    await user.type(fallback, '30');
    const days = screen.getByRole('spinbutton', { name: 'Within (days)' });
    await user.clear(days);
    await user.type(days, '14');
    await user.click(screen.getByRole('switch', { name: 'Send a returning customer to their previous agent' }));
    expect(screen.queryByRole('spinbutton', { name: 'Within (days)' })).not.toBeInTheDocument();
    // The bot is connected on the workstream's page, once it exists.
    expect(screen.getByRole('region', { name: 'Bot' })).toHaveTextContent('You can connect a bot after the workstream is created, on its page.');
    expect(screen.queryByRole('textbox', { name: 'Bot name' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Agent notifications' }));
    const notification = screen.getByRole('combobox', { name: 'Notification template' });
    expect(notification).toHaveAccessibleDescription(expect.stringContaining('only the queue is shown, nothing about the customer'));
    expect(notification).toHaveAccessibleDescription(expect.stringContaining('the customer’s name and the start of their latest message'));
    await user.selectOptions(notification, 'Incoming conversation with message preview');
    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    await user.click(screen.getByRole('button', { name: 'Add context variable' }));
    const row = screen.getByRole('group', { name: 'Context variable 1' });
    expect(within(row).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('orderNumber');
    await user.selectOptions(within(row).getByRole('combobox', { name: 'Type' }), 'Number');
    await user.click(screen.getByRole('button', { name: 'Quick replies' }));
    await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
    await user.keyboard('Order status');
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Your order {{{{orderNumber}} is on its way.');
    await user.click(createButton());

    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({
      distributionMode: 'pick',
      capacity: { mode: 'profile', value: 4 },
      blockCapacityForWrapUp: true,
      wrapUpMinutes: 15,
      allowedPresences: ['available', 'away'],
      skillMatching: 'exact',
      skillFallbackMinutes: 30,
      keepSameAgent: false,
      keepSameAgentDays: 14,
      advanced: {
        notificationTemplate: 'messagingIncomingWithPreview',
        contextVariables: [{ name: 'orderNumber', type: 'number' }],
        quickReplies: [{ title: 'Order status', body: 'Your order {{orderNumber}} is on its way.', translations: [] }],
      },
    });
    expect(writes[0]).not.toHaveProperty('bot');
  });

  test('timing fields: checked only while shown, “never” falls back to nothing, and a hidden bad value is not held against the save', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user);
    await user.click(screen.getByRole('switch', { name: 'Block capacity for wrap-up' }));
    const wrapUp = screen.getByRole('spinbutton', { name: 'Wrap-up time (minutes)' });
    await user.clear(wrapUp);
    await user.type(wrapUp, '121');
    await user.click(screen.getByRole('radio', { name: 'Exact match' }));
    await user.click(screen.getByRole('checkbox', { name: 'Never fall back: wait for a skilled agent' }));
    expect(screen.queryByRole('spinbutton', { name: 'Fall back after (minutes)' })).not.toBeInTheDocument();
    const days = screen.getByRole('spinbutton', { name: 'Within (days)' });
    await user.clear(days);
    await user.click(createButton());

    expect(await screen.findByText('Enter a whole number of minutes within the range shown.')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Wrap-up time (minutes)' })).toHaveAccessibleDescription(/Enter a whole number of minutes/);
    expect(screen.getByRole('spinbutton', { name: 'Within (days)' })).toHaveAccessibleDescription(/Enter a whole number of days from 1 to 90/);
    expect(writes).toEqual([]);

    // Turned off, the bad values are the defaults again: nothing blocks the save.
    await user.click(screen.getByRole('switch', { name: 'Block capacity for wrap-up' }));
    await user.click(screen.getByRole('switch', { name: 'Send a returning customer to their previous agent' }));
    await user.click(createButton());
    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({ blockCapacityForWrapUp: false, wrapUpMinutes: 5, skillMatching: 'exact', skillFallbackMinutes: null, keepSameAgent: false, keepSameAgentDays: 7 });
  });

  test('the server’s errors on the timing fields land on them', async () => {
    backend.server.use(
      http.post('*/api/workstreams', () =>
        HttpResponse.json(validationProblemBody([fieldError('keepSameAgentDays', 'days.range')]), {
          status: 422,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user);
    await user.click(createButton());
    const days = screen.getByRole('spinbutton', { name: 'Within (days)' });
    await waitFor(() => expect(days).toHaveAttribute('aria-invalid', 'true'));
    expect(days).toHaveAccessibleDescription(/Enter a whole number of days from 1 to 90/);
  });

  test('the form has no axe violations with every timing field shown', async () => {
    const { user } = renderNew();
    await ready(user);
    await user.click(screen.getByRole('switch', { name: 'Block capacity for wrap-up' }));
    await user.click(screen.getByRole('radio', { name: 'Exact match' }));
    await expectNoAxeViolations();
  });

  test('each field says what is wrong, in the order of the page, and nothing is sent', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    const capacity = screen.getByRole('spinbutton', { name: 'Units per conversation' });
    await user.clear(capacity);
    await user.type(capacity, '1001');
    await user.click(screen.getByRole('checkbox', { name: 'Available' }));
    await user.click(screen.getByRole('checkbox', { name: 'Busy' }));
    await user.click(createButton());

    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    await waitFor(() => expect(nameInput()).toHaveFocus());
    expect(screen.getByText('Choose a queue.')).toBeInTheDocument();
    expect(screen.getByText('Capacity is a whole number from 1 to 1000.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one presence in which agents can get work.')).toBeInTheDocument();
    expect(writes).toEqual([]);

    await user.clear(capacity);
    await user.type(capacity, '2.5');
    await user.tab();
    expect(screen.getByText('Capacity is a whole number from 1 to 1000.')).toBeInTheDocument();
  });

  test('context variables: a blank, malformed or repeated name (in any case) is named on its row, in a panel that opens', async () => {
    const writes = recordWrites();
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: 'Add context variable' }));
    const nameOf = (index: number) => within(screen.getByRole('group', { name: `Context variable ${index}` })).getByRole('textbox', { name: 'Name' });
    await user.type(nameOf(1), 'orderNumber');
    await user.type(nameOf(2), 'ORDERNUMBER');
    await user.type(nameOf(3), '1st');
    // Collapse the panel: the errors must still be found.
    await user.click(screen.getByRole('button', { name: 'Context variables' }));
    await user.click(createButton());

    expect(await screen.findByText('Another context variable already has this name.')).toBeInTheDocument();
    await waitFor(() => expect(nameOf(2)).toHaveFocus());
    expect(screen.getByText(/A variable name starts with a letter/)).toBeInTheDocument();
    expect(screen.getByText('Enter a name for the context variable.')).toBeInTheDocument();
    expect(writes).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove context variable 4' }));
    expect(screen.getByRole('button', { name: 'Add context variable' })).toHaveFocus();
    expect(screen.queryByText('Enter a name for the context variable.')).not.toBeInTheDocument();
  });

  test('a name another workstream has is reported on the field by the server', async () => {
    const { user, router } = renderNew();
    await ready(user);
    await fillRequired(user, 'nordic SALES');
    await user.click(createButton());
    expect(await screen.findByText('Another workstream already has this name. Choose a different one.')).toBeInTheDocument();
    await waitFor(() => expect(nameInput()).toHaveFocus());
    expect(nameInput()).toHaveValue('nordic SALES');
    expect(router.state.location.pathname).toBe(paths.newWorkstream);
    expect(screen.queryByRole('alert', { name: /Some fields need attention/ })).not.toBeInTheDocument();
  });

  test('a server error keeps every value and says so; Try again saves', async () => {
    const { user } = renderNew();
    await ready(user);
    await fillRequired(user, 'Returns');
    await user.click(screen.getByRole('radio', { name: 'Pick' }));
    backend.faults.failNextWrite();
    await user.click(createButton());
    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Returns');
    expect(queueSelect()).toHaveValue(GENERAL_QUEUE);
    expect(screen.getByRole('radio', { name: 'Pick' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(backend.db.data.workstreams.find((w) => w.name === 'Returns')).toMatchObject({ distributionMode: 'pick' });
  });

  test('with no queue yet, the form offers to create one', async () => {
    backend.db.write((data) => {
      data.workstreams = [];
      data.queues = [];
    });
    const { user } = renderNew();
    await screen.findByRole('heading', { level: 1, name: 'New workstream' });
    expect(await screen.findByText('There are no queues yet. A workstream needs one to send conversations to.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Create a queue' }));
    expect(await screen.findByText('New queue stub')).toBeInTheDocument();
  });

  test('leaving with something typed asks first', async () => {
    const { user, router } = renderNew();
    await ready(user);
    await user.type(nameInput(), 'Half done');
    await user.click(screen.getByRole('link', { name: 'Back to workstreams' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(nameInput()).toHaveValue('Half done');
    await user.click(screen.getByRole('link', { name: 'Back to workstreams' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('List stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(paths.workstreams);
  });
});
