import { describe, expect, test, type TestContext } from 'vitest';
import { signedInSession } from '@/api/contract/session';
import type { Conversation, Message } from '@/api/contract/conversation';
import { problemTypes } from '@/api/contract/problem';
import { capacityFullDetail, notYourConversationDetail } from '@/api/contract/problem-bodies';
import type { User, UserCreateInput } from '@/api/contract/user';
import type { WorkstreamCreateInput } from '@/api/contract/workstream';
import { REPLY_WINDOW_MS } from '@/domain/conversation-window';
import { weekdays } from '@/domain/operating-hours';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, skipBecause, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';
const GREETING = 'Hi! We will answer soon.';
const ASSIGNED = 'You are talking to {{agent}}.';
const CLOSED = 'We are closed now and answer when we open.';

/**
 * Work distribution as both backends do it with the domain's one decision: push
 * assignment to an active member with an allowed presence and room, waiting (and why),
 * the "agent assigned" and out-of-hours messages, Accept's capacity check, transfer,
 * release, a removed user's conversations, and the queue overview. Users count as around
 * once they have signed in (the server's presence goes Offline for a user never seen), so
 * each agent signs in once before work reaches them. Run it against every backend (see
 * src/mocks/handlers/assignment.scenarios.test.ts).
 */
export function describeAssignmentScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`work distribution API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    function needs(context: TestContext, ...capabilities: ('simulateInbound' | 'advanceTime')[]) {
      const missing = capabilities.filter((capability) => backend[capability] === undefined);
      if (missing.length > 0) skipBecause(context, `the backend cannot ${missing.join(' or ')}`);
    }

    async function signInAs(email: string) {
      await api().session.signOut();
      await api().session.signIn({ email, password: PASSWORD });
    }

    const person = (role: 'admin' | 'agent', name: string, overrides: Partial<UserCreateInput> = {}) =>
      api().users.create({ name, email: `${role}.${harness.serial()}@contoso.example`, role, password: PASSWORD, ...overrides });

    /**
     * A push (or pick) workstream on a new account's number with a greeting, an "agent
     * assigned" and an out-of-hours message; its fallback queue has the given members (each
     * signed in once, so they count as around), and a second queue none. The client ends
     * signed in as `lead`, an administrator with a known password.
     */
    async function world(options: { mode?: 'push' | 'pick'; members?: number; capacity?: number; workstream?: Partial<WorkstreamCreateInput>; closed?: boolean } = {}) {
      const account = await api().accounts.create({
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: harness.newSid(),
        authToken: harness.newToken(),
        numbers: [{ name: 'Support', number: harness.newNumber() }],
      });
      const number = account.numbers[0]!;
      const lead = await person('admin', 'Lead');
      const agents: User[] = [];
      for (let i = 1; i <= (options.members ?? 1); i++) agents.push(await person('agent', `Agent ${i}`, { capacity: options.capacity ?? 3 }));
      for (const user of [...agents, lead]) await signInAs(user.email);
      const queue = await api().queues.create({
        ...plainQueueInput(harness),
        memberIds: agents.map((a) => a.id),
        operatingHours: options.closed ? closedNow() : null,
      });
      const other = await api().queues.create(plainQueueInput(harness));
      const created = await api().workstreams.create(
        workstreamInput(harness, queue.id, { distributionMode: options.mode ?? 'push', ...options.workstream }),
      );
      const workstream = await api().workstreams.setUpWhatsApp(created.id, {
        version: created.version,
        numberId: number.id,
        language: 'en',
        automatedMessages: [
          { trigger: 'greeting', language: 'en', text: GREETING },
          { trigger: 'agentAssigned', language: 'en', text: ASSIGNED },
          { trigger: 'outOfHours', language: 'en', text: CLOSED },
        ],
        survey: { mode: 'off' },
        attachments: { customersCanSend: true, agentsCanSend: true },
      });
      const customer = async (body = 'Hello') => {
        const phone = `+4477009${String(harness.serial()).padStart(5, '0')}`;
        await backend.simulateInbound!({ accountId: account.id, from: phone, to: number.number, body, profileName: 'Maria Customer' });
        return conversationOf(phone);
      };
      return { account, number, lead, agents, queue, other, workstream, customer };
    }

    /** Opening hours that exclude the present: one minute, two days from today. */
    function closedNow() {
      const today = (new Date().getUTCDay() + 6) % 7;
      return { timeZone: 'UTC', periods: [{ day: weekdays[(today + 2) % 7]!, open: '03:00', close: '03:01' }] };
    }

    async function conversationOf(phone: string): Promise<Conversation> {
      const found = (await api().conversations.list()).items.filter((c) => c.customer.phone === phone);
      expect(found, `conversations of ${phone}`).toHaveLength(1);
      return found[0]!;
    }

    const current = (conversation: Conversation) => api().conversations.get(conversation.id);
    /** Who holds it once the pass a change asked for has run (the server runs it soon after, the mock at once). */
    const assigneeOf = (conversation: Conversation) => expect.poll(async () => (await current(conversation)).assigneeId, { timeout: 5000 });
    const messagesOf = async (conversation: Conversation): Promise<Message[]> => (await api().conversations.messages(conversation.id)).items;

    describe('push assignment', () => {
      test('a new conversation goes to the member with room, who is named to the customer', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const conversation = await w.customer();
        expect(conversation).toMatchObject({ assigneeId: w.agents[0]!.id, assigneeName: 'Agent 1', waitReason: null });
        const messages = await messagesOf(conversation);
        expect(messages.map((m) => [m.direction, m.author, m.body])).toEqual([
          ['inbound', 'customer', 'Hello'],
          ['outbound', 'automated', GREETING],
          ['outbound', 'automated', 'You are talking to Agent 1.'],
        ]);
        expect(messages.every((m) => m.note === null)).toBe(true);
      });

      test('with no room left it waits (noAgent), and is assigned the moment a conversation closes', async (context) => {
        needs(context, 'simulateInbound');
        // Each conversation costs 2 units of the agent's 3: one at a time.
        const w = await world();
        const first = await w.customer();
        const second = await w.customer();
        expect(first.assigneeId).toBe(w.agents[0]!.id);
        expect(second).toMatchObject({ assigneeId: null, waitReason: 'noAgent' });

        await api().conversations.close(first.id, first.version);
        await assigneeOf(second).toBe(w.agents[0]!.id);
        expect((await current(second)).waitReason).toBeNull();
      });

      test('a presence the workstream does not allow gets nothing until the agent is Available again', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const agent = w.agents[0]!;
        await signInAs(agent.email);
        await expect(api().conversations.list()).resolves.toMatchObject({ items: [] });
        await expect(api().session.setPresence('busy')).resolves.toEqual({ presence: 'busy' });
        expect(signedInSession(await api().session.get()).user.presence).toBe('busy');
        await signInAs(w.lead.email);
        expect((await api().users.list()).items.find((u) => u.id === agent.id)?.presence).toBe('busy');

        const waiting = await w.customer();
        expect(waiting).toMatchObject({ assigneeId: null, waitReason: 'noAgent' });

        await signInAs(agent.email);
        await api().session.setPresence('available');
        await signInAs(w.lead.email);
        await assigneeOf(waiting).toBe(agent.id);
      });

      test('a raised capacity lets a waiting conversation through', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ capacity: 2 });
        await w.customer();
        const waiting = await w.customer();
        expect(waiting.waitReason).toBe('noAgent');
        const agent = (await api().users.list()).items.find((u) => u.id === w.agents[0]!.id)!;
        await api().users.update(agent.id, { version: agent.version, capacity: 4 });
        await assigneeOf(waiting).toBe(agent.id);
      });

      test('a member added to the queue takes what waits there', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ members: 0 });
        const waiting = await w.customer();
        expect(waiting).toMatchObject({ assigneeId: null, waitReason: 'noAgent' });
        const agent = await person('agent', 'Late Agent');
        await signInAs(agent.email);
        await signInAs(w.lead.email);
        await api().queues.update(w.queue.id, { version: w.queue.version, memberIds: [agent.id] });
        await assigneeOf(waiting).toBe(agent.id);
      });

      test('outside the 24-hour window the "agent assigned" message is skipped with a note', async (context) => {
        needs(context, 'simulateInbound', 'advanceTime');
        const w = await world({ members: 0 });
        const waiting = await w.customer();
        await backend.advanceTime!(REPLY_WINDOW_MS + 60_000);
        const agent = await person('agent', 'Night Agent');
        await signInAs(agent.email);
        await signInAs(w.lead.email);
        await api().queues.update(w.queue.id, { version: w.queue.version, memberIds: [agent.id] });

        await assigneeOf(waiting).toBe(agent.id);
        const last = (await messagesOf(waiting)).at(-1)!;
        expect(last).toMatchObject({ direction: 'note', author: 'system', status: 'note', note: { code: 'agentAssignedSkipped' } });
        expect(last.note?.params.agent).toBe('Night Agent');
      });
    });

    describe('opening hours', () => {
      test('a closed queue: the out-of-hours message once, and the conversation waits for opening', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ closed: true });
        const conversation = await w.customer('Hello');
        expect(conversation).toMatchObject({ assigneeId: null, waitReason: 'outOfHours' });
        await backend.simulateInbound!({
          accountId: w.account.id,
          from: conversation.customer.phone,
          to: w.number.number,
          body: 'Anyone there?',
        });
        expect((await messagesOf(conversation)).map((m) => m.body)).toEqual(['Hello', GREETING, CLOSED, 'Anyone there?']);

        const overview = (await api().queues.overview()).items.find((q) => q.queueId === w.queue.id);
        expect(overview).toMatchObject({ open: false, waiting: 1, waitingForOpening: 1, oldestWaitingSince: conversation.queuedAt });
      });
    });

    describe('accept', () => {
      test('an agent without room is refused (409) when accepting', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick', capacity: 2 });
        const first = await w.customer();
        const second = await w.customer();
        expect(first).toMatchObject({ assigneeId: null, waitReason: 'pick' });

        await signInAs(w.agents[0]!.email);
        const accepted = await api().conversations.accept(first.id, first.version);
        expect(accepted.assigneeId).toBe(w.agents[0]!.id);
        expect((await messagesOf(first)).at(-1)?.body).toBe('You are talking to Agent 1.');
        const full = await failure(api().conversations.accept(second.id, second.version));
        expectProblem(full, 409, problemTypes.conflict);
        expect(full.problem.detail).toBe(capacityFullDetail);
      });
    });

    describe('transfer and release', () => {
      test('a transfer to another queue makes it wait there from now, with a note', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick' });
        const conversation = await w.customer();
        const accepted = await api().conversations.accept(conversation.id, conversation.version);

        const moved = await api().conversations.transfer(accepted.id, accepted.version, { kind: 'queue', queueId: w.other.id });
        expect(moved).toMatchObject({ queueId: w.other.id, queueName: w.other.name, assigneeId: null, waitReason: 'pick' });
        expect(Date.parse(moved.queuedAt)).toBeGreaterThanOrEqual(Date.parse(conversation.queuedAt));
        const note = (await messagesOf(conversation)).at(-1)!;
        expect(note).toMatchObject({ direction: 'note', author: 'system', note: { code: 'transferredToQueue' } });
        expect(note.note?.params).toMatchObject({ queue: w.other.name, by: 'Lead' });
        expect(note.body).not.toBe('');
      });

      test('a transfer to an agent checks who they are, their presence and their room', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick', members: 2, capacity: 2 });
        const [free, away] = w.agents as [User, User];
        const conversation = await w.customer();
        const other = await w.customer();
        await signInAs(away.email);
        await api().session.setPresence('away');
        await signInAs(free.email);
        await api().conversations.accept(other.id, other.version);
        await signInAs(w.lead.email);

        const to = (userId: string) => api().conversations.transfer(conversation.id, conversation.version, { kind: 'agent', userId });
        expect(fieldCodes(await failure(to(UNKNOWN_ID)))).toEqual(['to.userId agent.unknown']);
        expect(fieldCodes(await failure(to(away.id)))).toEqual(['to.userId agent.presence']);
        expect(fieldCodes(await failure(to(free.id)))).toEqual(['to.userId agent.full']);
        const toQueue = api().conversations.transfer(conversation.id, conversation.version, { kind: 'queue', queueId: UNKNOWN_ID });
        expect(fieldCodes(await failure(toQueue))).toEqual(['to.queueId queue.notFound']);

        const moved = await to(w.lead.id);
        expect(moved).toMatchObject({ assigneeId: w.lead.id, assigneeName: 'Lead' });
        const codes = (await messagesOf(conversation)).filter((m) => m.note).map((m) => m.note!.code);
        expect(codes).toEqual(['transferredToAgent']);
      });

      test('its assignee learns where it may go: queues open or not, and each agent with why they cannot take it now', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick', members: 3, capacity: 2 });
        const [holder, full, away] = w.agents as [User, User, User];
        const closed = await api().queues.create({ ...plainQueueInput(harness), operatingHours: closedNow() });
        const conversation = await w.customer();
        const other = await w.customer();
        await signInAs(away.email);
        await api().session.setPresence('away');
        await signInAs(full.email);
        await api().conversations.accept(other.id, other.version);
        await signInAs(holder.email);
        await api().conversations.accept(conversation.id, conversation.version);

        const targets = await api().conversations.transferTargets(conversation.id);
        expect(targets.queues).toEqual(
          expect.arrayContaining([
            { id: w.queue.id, name: w.queue.name, open: true },
            { id: w.other.id, name: w.other.name, open: true },
            { id: closed.id, name: closed.name, open: false },
          ]),
        );
        const agentsById = new Map(targets.agents.map((agent) => [agent.id, agent]));
        expect(agentsById.has(holder.id), 'the assignee is no target').toBe(false);
        expect(agentsById.get(w.lead.id)).toEqual({ id: w.lead.id, name: 'Lead', presence: 'available', eligible: true, refusal: null });
        expect(agentsById.get(full.id)).toMatchObject({ presence: 'available', eligible: false, refusal: 'capacity' });
        expect(agentsById.get(away.id)).toMatchObject({ presence: 'away', eligible: false, refusal: 'presence' });

        await signInAs(full.email);
        const refused = await failure(api().conversations.transferTargets(conversation.id));
        expectProblem(refused, 403, problemTypes.forbidden);
        expect(refused.problem.detail).toBe(notYourConversationDetail);
        expectProblem(await failure(api().conversations.transferTargets(UNKNOWN_ID)), 404, problemTypes.notFound);

        await signInAs(w.lead.email);
        const asAdministrator = await api().conversations.transferTargets(conversation.id);
        expect(asAdministrator.agents.map((agent) => agent.id)).toContain(full.id);
      });

      test('only the assignee or an administrator may release; released, it waits in its queue again', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick', members: 2 });
        const [holder, colleague] = w.agents as [User, User];
        const conversation = await w.customer();
        await signInAs(holder.email);
        const accepted = await api().conversations.accept(conversation.id, conversation.version);

        await signInAs(colleague.email);
        const refused = await failure(api().conversations.release(accepted.id, accepted.version));
        expectProblem(refused, 403, problemTypes.forbidden);
        expect(refused.problem.detail).toBe(notYourConversationDetail);

        await signInAs(holder.email);
        const released = await api().conversations.release(accepted.id, accepted.version);
        expect(released).toMatchObject({ assigneeId: null, queueId: w.queue.id, waitReason: 'pick' });
        expect((await messagesOf(conversation)).at(-1)).toMatchObject({ direction: 'note', note: { code: 'released' } });
      });

      test('in push mode a released conversation goes to someone else, not straight back', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ members: 2 });
        const conversation = await w.customer();
        const holder = w.agents.find((agent) => agent.id === conversation.assigneeId)!;
        const colleague = w.agents.find((agent) => agent.id !== holder.id)!;
        await signInAs(holder.email);
        const released = await api().conversations.release(conversation.id, conversation.version);
        await signInAs(w.lead.email);
        expect((await current(released)).assigneeId).toBe(colleague.id);
      });
    });

    describe('a removed user', () => {
      test('their open conversations go back to the queue, with a note', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ mode: 'pick' });
        const agent = w.agents[0]!;
        const conversation = await w.customer();
        await signInAs(agent.email);
        await api().conversations.accept(conversation.id, conversation.version);
        await signInAs(w.lead.email);

        await api().users.remove(agent.id);
        const back = await current(conversation);
        expect(back).toMatchObject({ assigneeId: null, queueId: w.queue.id, waitReason: 'pick' });
        expect((await messagesOf(conversation)).at(-1)).toMatchObject({ direction: 'note', note: { code: 'returnedToQueue' } });
        expect((await api().queues.get(w.queue.id)).members).toEqual([]);
      });
    });

    describe('queue overview', () => {
      test('per queue: what waits, since when, and each member’s presence and used capacity', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ capacity: 2 });
        await w.customer();
        const waiting = await w.customer();
        const item = (await api().queues.overview()).items.find((q) => q.queueId === w.queue.id);
        expect(item).toEqual({
          queueId: w.queue.id,
          name: w.queue.name,
          priority: w.queue.priority,
          open: true,
          waiting: 1,
          waitingForOpening: 0,
          oldestWaitingSince: waiting.queuedAt,
          members: [{ userId: w.agents[0]!.id, name: 'Agent 1', presence: 'available', usedCapacity: 2, capacity: 2 }],
        });
      });

      test('is for administrators only', async () => {
        const agent = await person('agent', 'Curious Agent');
        await signInAs(agent.email);
        expectProblem(await failure(api().queues.overview()), 403, problemTypes.forbidden);
      });
    });
  });
}
