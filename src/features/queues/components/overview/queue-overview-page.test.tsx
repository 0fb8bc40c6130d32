import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { QueueOverview } from '@/api/contract/queue';
import { OVERVIEW_REFETCH_DELAY_MS } from '@/resources/queue-overview-live';
import { expectNoAxeViolations } from '@/testing/axe';
import { aConversation } from '@/testing/features/conversations';
import { createTestBackend, demoIds, renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { QueueOverviewPage } from './queue-overview-page';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  backend.server.resetHandlers();
  backend.server.events.removeAllListeners();
  backend.db.reset();
  vi.unstubAllGlobals();
});
afterAll(() => backend.server.close());

const MINUTE = 60_000;

function overview(waiting: number): QueueOverview {
  return {
    items: [
      {
        queueId: demoIds.billingQueue,
        name: 'Billing',
        priority: 2,
        open: false,
        waiting,
        waitingForOpening: waiting,
        oldestWaitingSince: waiting > 0 ? new Date(Date.now() - 12 * MINUTE).toISOString() : null,
        members: [
          { userId: demoIds.samAgent, name: 'Sam Taylor', presence: 'busy', usedCapacity: 2, capacity: 2 },
          { userId: demoIds.priyaAgent, name: 'Priya Patel', presence: 'away', usedCapacity: 0, capacity: 3 },
        ],
      },
      {
        queueId: demoIds.generalQueue,
        name: 'General support',
        priority: 5,
        open: true,
        waiting: 0,
        waitingForOpening: 0,
        oldestWaitingSince: null,
        members: [],
      },
    ],
  };
}

/** Answers the overview from the given snapshots in turn, counting the requests. */
function serveOverview(...snapshots: QueueOverview[]) {
  let asked = 0;
  backend.server.use(http.get('*/api/queues/overview', () => HttpResponse.json(snapshots[Math.min(asked++, snapshots.length - 1)])));
  return () => asked;
}

const row = (name: string) => within(screen.getByRole('table', { name: 'Queues now' })).getByRole('row', { name: new RegExp(`^${name}`) });

describe('Queue overview', () => {
  test('per queue: open or closed, waiting and waiting for opening, the longest wait, members with presence and capacity used', async () => {
    serveOverview(overview(2));
    renderWithProviders(<QueueOverviewPage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Queue overview' })).toBeInTheDocument();
    const billing = within(await screen.findByRole('row', { name: /^Billing/ })).getAllByRole('cell');
    expect(billing[1]).toHaveTextContent('Closed');
    expect(within(billing[2]!).getByText('2 wait for opening hours')).toBeInTheDocument();
    expect(billing[2]!.firstChild).toHaveTextContent(/^2$/);
    expect(billing[3]).toHaveTextContent('12 minutes ago');
    const members = within(billing[4]!).getAllByRole('listitem');
    expect(members[0]).toHaveTextContent('Sam TaylorBusy2/2 units');
    expect(members[1]).toHaveTextContent('Priya PatelAway0/3 units');
    const general = within(row('General support')).getAllByRole('cell');
    expect(general[1]).toHaveTextContent('Open');
    expect(general[3]).toHaveTextContent('Nobody waits');
    expect(general[4]).toHaveTextContent('No members');
    await expectNoAxeViolations();
  });

  test('the mock answers it too: the demo’s queues are listed', async () => {
    renderWithProviders(<QueueOverviewPage />);
    expect(await screen.findByRole('row', { name: /^Finnish customers/ })).toBeInTheDocument();
    expect(row('Billing')).toBeInTheDocument();
  });

  test('conversation and presence events fetch it again, once per burst', async () => {
    const stream = installScriptedEventSource();
    const asked = serveOverview(overview(1), overview(3));
    renderWithProviders(<QueueOverviewPage />);
    await screen.findByRole('row', { name: /^Billing/ });
    stream.latest().open();
    stream.latest().send({ type: 'conversation', conversation: aConversation() }, 'conversation');
    stream.latest().send({ type: 'presence', userId: demoIds.samAgent, presence: 'available' }, 'presence');
    stream.latest().send({ type: 'sandbox', accountId: demoIds.sandboxAccount, firstInboundAt: new Date().toISOString() }, 'sandbox');
    // Debounced: nothing is asked at once.
    expect(asked()).toBe(1);
    expect(await within(row('Billing')).findByText('3 wait for opening hours')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, OVERVIEW_REFETCH_DELAY_MS * 2));
    expect(asked()).toBe(2);
  });
});
