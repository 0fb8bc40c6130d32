import { describe, expect, test, type TestContext } from 'vitest';
import { signedInSession } from '@/api/contract/session';
import { windowClosedDetail, type Conversation } from '@/api/contract/conversation';
import { problemTypes } from '@/api/contract/problem';
import type { WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { REPLY_WINDOW_MS } from '@/domain/conversation-window';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, skipBecause, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';
const GREETING = 'Hi! We will answer soon.';
const SURVEY_URL = 'https://survey.example.com/whatsapp';

/**
 * The behaviour of /api/conversations (list, messages, sending, accept, close, media)
 * the agent view relies on. Traffic comes from the backend's `simulateInbound` (a
 * signed webhook on the server, the demo's simulated customer in the mock) and the
 * 24-hour window from its `advanceTime`; a scenario that needs a capability the backend
 * lacks is skipped and says so. Run it against every backend (see
 * src/mocks/handlers/conversations.scenarios.test.ts).
 */
export function describeConversationsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`conversations API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem, newSid, newNumber, newToken } = harness;
    const api = () => harness.client;

    /** Skips the running test when the backend cannot do what it needs. */
    function needs(context: TestContext, ...capabilities: ('simulateInbound' | 'advanceTime')[]) {
      const missing = capabilities.filter((capability) => backend[capability] === undefined);
      if (missing.length > 0) skipBecause(context, `the backend cannot ${missing.join(' or ')}`);
    }

    function setupInput(version: number, numberId: string, overrides: Partial<WhatsAppSetupInput> = {}): WhatsAppSetupInput {
      return {
        version,
        numberId,
        language: 'en',
        automatedMessages: [{ trigger: 'greeting', language: 'en', text: GREETING }],
        survey: { mode: 'link', url: SURVEY_URL },
        attachments: { customersCanSend: true, agentsCanSend: true },
        ...overrides,
      };
    }

    /**
     * An account with a number set up on a pick-mode workstream whose rule sends "invoice"
     * to the billing queue (everything else to the fallback), an approved template with
     * two variables and a draft one; and a second account with an approved template.
     */
    async function world(options: { setup?: Partial<WhatsAppSetupInput>; distributionMode?: 'push' | 'pick'; number?: string } = {}) {
      const account = await api().accounts.create({
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: [{ name: 'Support', number: options.number ?? newNumber() }],
      });
      const number = account.numbers[0]!;
      const fallback = await api().queues.create(plainQueueInput(harness));
      const billing = await api().queues.create(plainQueueInput(harness));
      const created = await api().workstreams.create(workstreamInput(harness, fallback.id, { distributionMode: options.distributionMode ?? 'pick' }));
      const workstream = await api().workstreams.setUpWhatsApp(created.id, setupInput(created.version, number.id, options.setup));
      const rules = await api().routingRules.get(workstream.id);
      await api().routingRules.replace(workstream.id, {
        version: rules.version,
        rules: [{ name: 'Invoices', conditions: [{ field: 'firstMessage', operator: 'contains', value: 'invoice' }], queueId: billing.id }],
      });
      const approved = await api().templates.create(account.id, {
        name: 'order_update',
        language: 'en',
        category: 'utility',
        body: 'Hi {{1}}, your order {{2}} has shipped.',
        examples: ['Maria', '#4821'],
        contentSid: `HX${'ab'.repeat(16)}`,
        status: 'approved',
      });
      const draft = await api().templates.create(account.id, { name: 'draft_note', language: 'en', category: 'utility', body: 'Hello!', status: 'draft' });
      const other = await api().accounts.create({
        name: `Other ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: [{ name: 'Other', number: newNumber() }],
      });
      const foreign = await api().templates.create(other.id, {
        name: 'foreign',
        language: 'en',
        category: 'utility',
        body: 'Hello {{1}}',
        examples: ['Maria'],
        contentSid: `HX${'cd'.repeat(16)}`,
        status: 'approved',
      });
      const customer = (from: string, body: string, profileName = 'Maria Customer') =>
        backend.simulateInbound!({ accountId: account.id, from, to: number.number, body, profileName });
      return { account, number, fallback, billing, workstream, approved, draft, foreign, customer };
    }

    const customerNumber = () => `+4477009${String(harness.serial()).padStart(5, '0')}`;

    /** Signs in as another user (the backend may hold one session only). */
    async function signInAs(email: string) {
      await api().session.signOut();
      await api().session.signIn({ email, password: PASSWORD });
    }

    /** The only conversation of a customer, by phone number. */
    async function conversationOf(phone: string): Promise<Conversation> {
      const { items } = await api().conversations.list();
      const found = items.filter((c) => c.customer.phone === phone);
      expect(found, `conversations of ${phone}`).toHaveLength(1);
      return found[0]!;
    }

    // ---- inbound traffic -------------------------------------------------------------

    describe('a customer writes', () => {
      test('the first message starts an open conversation in the fallback queue, answered by the greeting', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello there', 'Maria Customer');

        const conversation = await conversationOf(phone);
        expect(conversation).toMatchObject({
          accountId: w.account.id,
          businessNumber: w.number.number,
          workstreamId: w.workstream.id,
          workstreamName: w.workstream.name,
          queueId: w.fallback.id,
          queueName: w.fallback.name,
          distributionMode: 'pick',
          customer: { waId: phone.slice(1), phone, profileName: 'Maria Customer' },
          language: 'en',
          status: 'open',
          assigneeId: null,
          assigneeName: null,
          waitingForReply: true,
          waitReason: 'pick',
          attachments: { customersCanSend: true, agentsCanSend: true },
          closedAt: null,
        });
        expect(conversation.lastInboundAt).not.toBeNull();
        expect(conversation.queuedAt).toBe(conversation.createdAt);
        await expect(api().conversations.get(conversation.id)).resolves.toEqual(conversation);

        const { items, previousCursor } = await api().conversations.messages(conversation.id);
        expect(previousCursor).toBeNull();
        expect(items.map((m) => [m.direction, m.author, m.body])).toEqual([
          ['inbound', 'customer', 'Hello there'],
          ['outbound', 'automated', GREETING],
        ]);
        expect(items[0]).toMatchObject({ conversationId: conversation.id, status: 'received', media: [], template: null });
      });

      test('a first message that matches a routing rule goes to the rule’s queue', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'A question about my INVOICE');
        expect(await conversationOf(phone)).toMatchObject({ queueId: w.billing.id, queueName: w.billing.name });
      });

      test('in push mode the conversation goes to the active queue member with the least load', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ distributionMode: 'push' });
        const lead = await api().users.create({ name: 'Lead', email: `lead.${harness.serial()}@contoso.example`, role: 'admin', password: PASSWORD });
        const one = await api().users.create({ name: 'Agent One', email: `one.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const two = await api().users.create({ name: 'Agent Two', email: `two.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        // Signing in is being around: a user who never did counts as Offline on the server.
        for (const agent of [one, two, lead]) await signInAs(agent.email);
        await api().queues.update(w.fallback.id, { version: w.fallback.version, memberIds: [one.id, two.id] });
        const first = customerNumber();
        const second = customerNumber();
        await w.customer(first, 'Hello');
        const firstAssigned = await conversationOf(first);
        expect(firstAssigned).toMatchObject({ distributionMode: 'push', waitReason: null });
        expect([one.id, two.id]).toContain(firstAssigned.assigneeId);
        await w.customer(second, 'Hello too');
        const secondAssigned = await conversationOf(second);
        expect([one.id, two.id].filter((id) => id !== firstAssigned.assigneeId)).toEqual([secondAssigned.assigneeId]);
      });

      test('the next message continues the open conversation, without a second greeting', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'First');
        await w.customer(phone, 'Second');
        const conversation = await conversationOf(phone);
        const { items } = await api().conversations.messages(conversation.id);
        expect(items.map((m) => m.body)).toEqual(['First', GREETING, 'Second']);
      });

      test('the account’s first inbound message turns the sandbox checklist’s live check green', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        expect((await api().accountTools.sandbox(w.account.id)).firstInboundAt).toBeNull();
        await w.customer(customerNumber(), 'join bright-harbor');
        const status = await api().accountTools.sandbox(w.account.id);
        expect(status.firstInboundAt).not.toBeNull();
        expect(status.isSandbox).toBe(false);
      });

      test('a sandbox join opens nothing: the next message opens the conversation and is the one routing reads', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world({ number: TWILIO_SANDBOX_NUMBER });
        const phone = customerNumber();
        await w.customer(phone, 'join bright-harbor');
        expect((await api().conversations.list()).items.filter((c) => c.customer.phone === phone)).toEqual([]);
        // The join still proves that Twilio reaches the webhook.
        expect((await api().accountTools.sandbox(w.account.id)).firstInboundAt).not.toBeNull();

        await w.customer(phone, 'My invoice is wrong');
        const conversation = await conversationOf(phone);
        expect(conversation).toMatchObject({ queueId: w.billing.id, lastMessagePreview: 'My invoice is wrong' });
        // Joining again after the sandbox's three days, inside the conversation: kept, and routing stays.
        await w.customer(phone, 'JOIN Bright-Harbor');
        const { items } = await api().conversations.messages(conversation.id);
        expect(items.map((m) => m.body)).toEqual(['My invoice is wrong', GREETING, 'JOIN Bright-Harbor']);
        expect((await conversationOf(phone)).queueId).toBe(w.billing.id);
      });
    });

    // ---- the list ----------------------------------------------------------------------

    describe('the list', () => {
      test('is ordered by the latest message, newest first, and pages with a cursor until null', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phones = [customerNumber(), customerNumber(), customerNumber()];
        // A few milliseconds apart, so that no two messages share a timestamp.
        const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
        for (const phone of phones) {
          await w.customer(phone, `Hello from ${phone}`);
          await pause();
        }
        // The first customer writes again: their conversation is the latest now.
        await w.customer(phones[0]!, 'Me again');

        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 5; page++) {
          const result = await api().conversations.list({ limit: 1, ...(cursor ? { cursor } : {}) });
          seen.push(...result.items.map((c) => c.customer.phone));
          if (result.nextCursor === null) break;
          cursor = result.nextCursor;
        }
        expect(seen).toEqual([phones[0], phones[2], phones[1]]);

        const { items } = await api().conversations.list();
        const times = items.map((c) => Date.parse(c.lastMessageAt));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      });

      test('filters by queue, status, waiting for reply and assigned to me', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const general = customerNumber();
        const invoice = customerNumber();
        await w.customer(general, 'Hello');
        await w.customer(invoice, 'My invoice is wrong');

        const inQueue = await api().conversations.list({ queueId: w.billing.id });
        expect(inQueue.items.map((c) => c.customer.phone)).toEqual([invoice]);

        const toClose = await conversationOf(general);
        await api().conversations.close(toClose.id, toClose.version);
        expect((await api().conversations.list({ status: 'closed' })).items.map((c) => c.customer.phone)).toEqual([general]);
        expect((await api().conversations.list({ status: 'open' })).items.map((c) => c.customer.phone)).toEqual([invoice]);
        expect((await api().conversations.list({ waitingForReply: 'true' })).items.map((c) => c.customer.phone)).toEqual([invoice]);

        expect((await api().conversations.list({ assignedToMe: 'true' })).items).toEqual([]);
        const open = await conversationOf(invoice);
        await api().conversations.accept(open.id, open.version);
        expect((await api().conversations.list({ assignedToMe: 'true' })).items.map((c) => c.id)).toEqual([open.id]);
      });

      test('query values it does not understand are a validation problem', async () => {
        const response = await harness.send('GET', '/api/conversations?status=pending&limit=0', { contentType: null });
        expect(response.status).toBe(400);
        const body = response.json as { type: string; errors: { path: string; code: string }[] };
        expect(body.type).toBe(problemTypes.validation);
        expect(body.errors.map((e) => `${e.path} ${e.code}`).sort()).toEqual(['limit field.invalid', 'status field.invalid']);
      });

      test('an unknown conversation is not found, and so are its messages', async () => {
        expectProblem(await failure(api().conversations.get(UNKNOWN_ID)), 404, problemTypes.notFound);
        expectProblem(await failure(api().conversations.messages(UNKNOWN_ID)), 404, problemTypes.notFound);
        expectProblem(await failure(api().conversations.send(UNKNOWN_ID, { kind: 'text', body: 'Hi' })), 404, problemTypes.notFound);
      });
    });

    // ---- replying --------------------------------------------------------------------

    describe('replying', () => {
      test('a text inside the window is accepted as pending and shows in the conversation', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const conversation = await conversationOf(phone);
        const session = signedInSession(await api().session.get());

        const sent = await api().conversations.send(conversation.id, { kind: 'text', body: 'Hi! How can I help?' });
        expect(sent).toMatchObject({
          conversationId: conversation.id,
          direction: 'outbound',
          author: 'agent',
          authorName: session.user.name,
          body: 'Hi! How can I help?',
          template: null,
          media: [],
          status: 'pending',
          errorCode: null,
        });
        const { items } = await api().conversations.messages(conversation.id);
        expect(items.at(-1)?.id).toBe(sent.id);
        const after = await api().conversations.get(conversation.id);
        expect(after.waitingForReply).toBe(false);
        expect(Date.parse(after.lastMessageAt)).toBeGreaterThanOrEqual(Date.parse(conversation.lastMessageAt));
      });

      test('after 24 hours a text is refused with the window-closed problem, a template goes, and the customer reopens the window', async (context) => {
        needs(context, 'simulateInbound', 'advanceTime');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const conversation = await conversationOf(phone);

        await backend.advanceTime!(REPLY_WINDOW_MS + 60_000);
        const refused = await failure(api().conversations.send(conversation.id, { kind: 'text', body: 'Still there?' }));
        expectProblem(refused, 422, problemTypes.windowClosed);
        expect(refused.problem.detail).toBe(windowClosedDetail);

        const template = await api().conversations.send(conversation.id, { kind: 'template', templateId: w.approved.id, variables: ['Maria', '#77'] });
        expect(template).toMatchObject({
          status: 'pending',
          body: 'Hi Maria, your order #77 has shipped.',
          template: { templateId: w.approved.id, name: 'order_update', contentSid: w.approved.contentSid, variables: ['Maria', '#77'] },
        });

        await w.customer(phone, 'Thanks, one more question');
        await expect(api().conversations.send(conversation.id, { kind: 'text', body: 'Sure!' })).resolves.toMatchObject({ status: 'pending' });
      });

      test('a template must be approved, of the conversation’s account, with every variable', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const { id } = await conversationOf(phone);
        const codes = async (templateId: string, variables: string[]) => {
          const error = await failure(api().conversations.send(id, { kind: 'template', templateId, variables }));
          expectProblem(error, 400, problemTypes.validation);
          return fieldCodes(error);
        };
        expect(await codes(w.draft.id, [])).toEqual(['templateId template.notApproved']);
        expect(await codes(w.foreign.id, ['Maria'])).toEqual(['templateId template.wrongAccount']);
        expect(await codes(w.approved.id, ['Maria'])).toEqual(['variables variables.count']);
        const { items } = await api().conversations.messages(id);
        expect(items.filter((m) => m.author === 'agent')).toEqual([]);
      });

      test('a text longer than WhatsApp allows is a validation problem', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const { id } = await conversationOf(phone);
        const error = await failure(api().conversations.send(id, { kind: 'text', body: 'x'.repeat(4097) }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['body reply.tooLong']);
      });
    });

    // ---- attachments -----------------------------------------------------------------

    describe('attachments', () => {
      test('a file of the wrong type is 415, a too large image 413, a PDF is kept and goes with the next text', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Can you send the invoice?');
        const { id } = await conversationOf(phone);

        const text = await failure(api().conversations.uploadMedia(id, new Blob(['hello'], { type: 'text/plain' }), 'notes.txt'));
        expectProblem(text, 415, problemTypes.unsupportedMediaType);
        const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)], { type: 'image/png' });
        expectProblem(await failure(api().conversations.uploadMedia(id, big, 'huge.png')), 413, problemTypes.payloadTooLarge);

        const pdf = new Blob([new TextEncoder().encode('%PDF-1.4 demo')], { type: 'application/pdf' });
        const upload = await api().conversations.uploadMedia(id, pdf, 'lasku 2231.pdf');
        expect(upload).toMatchObject({ contentType: 'application/pdf', size: pdf.size, filename: 'lasku 2231.pdf' });

        const sent = await api().conversations.send(id, { kind: 'text', body: 'Here it is', mediaId: upload.id });
        expect(sent.media).toEqual([expect.objectContaining({ id: upload.id, contentType: 'application/pdf', filename: 'lasku 2231.pdf', size: pdf.size })]);
      });
    });

    // ---- accept and close ------------------------------------------------------------

    describe('accept and close', () => {
      test('accepting assigns the conversation to the signed-in user; a stale version is a version conflict', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const before = await conversationOf(phone);
        const session = signedInSession(await api().session.get());

        const accepted = await api().conversations.accept(before.id, before.version);
        expect(accepted).toMatchObject({ id: before.id, assigneeId: session.user.id, assigneeName: session.user.name });
        expect(accepted.version).toBeGreaterThan(before.version);
        expectProblem(await failure(api().conversations.close(before.id, before.version)), 409, problemTypes.versionConflict);
      });

      test('a conversation someone else accepted is taken', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const email = `agent.${harness.serial()}@contoso.example`;
        const agent = await api().users.create({ name: 'Queue Agent', email, role: 'agent', password: PASSWORD });
        await api().queues.update(w.fallback.id, { version: w.fallback.version, memberIds: [agent.id] });
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const conversation = await conversationOf(phone);
        await api().conversations.accept(conversation.id, conversation.version);

        await api().session.signOut();
        await api().session.signIn({ email, password: PASSWORD });
        const seen = await api().conversations.get(conversation.id);
        const taken = await failure(api().conversations.accept(seen.id, seen.version));
        expectProblem(taken, 409, problemTypes.conflict);
      });

      test('closing sends the survey inside the window; a closed conversation takes no reply; the customer’s next message opens a new one', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const open = await conversationOf(phone);

        const closed = await api().conversations.close(open.id, open.version);
        expect(closed).toMatchObject({ id: open.id, status: 'closed', waitingForReply: false });
        expect(closed.closedAt).not.toBeNull();
        const { items } = await api().conversations.messages(open.id);
        expect(items.at(-1)).toMatchObject({ author: 'automated', direction: 'outbound' });
        expect(items.at(-1)?.body).toContain(SURVEY_URL);

        expectProblem(await failure(api().conversations.send(open.id, { kind: 'text', body: 'Hello?' })), 409, problemTypes.conflict);
        expectProblem(await failure(api().conversations.close(closed.id, closed.version)), 409, problemTypes.conflict);

        await w.customer(phone, 'Me again');
        const all = (await api().conversations.list()).items.filter((c) => c.customer.phone === phone);
        expect(all.map((c) => c.status).sort()).toEqual(['closed', 'open']);
      });

      test('closing after the window has closed sends no survey', async (context) => {
        needs(context, 'simulateInbound', 'advanceTime');
        const w = await world();
        const phone = customerNumber();
        await w.customer(phone, 'Hello');
        const open = await conversationOf(phone);
        await backend.advanceTime!(REPLY_WINDOW_MS + 60_000);
        await api().conversations.close(open.id, open.version);
        const { items } = await api().conversations.messages(open.id);
        expect(items.map((m) => m.body)).toEqual(['Hello', GREETING]);
      });
    });

    // ---- who sees what ---------------------------------------------------------------

    describe('visibility', () => {
      test('an agent sees the conversations of their queues and no others', async (context) => {
        needs(context, 'simulateInbound');
        const w = await world();
        const email = `agent.${harness.serial()}@contoso.example`;
        const agent = await api().users.create({ name: 'Billing Agent', email, role: 'agent', password: PASSWORD });
        await api().queues.update(w.billing.id, { version: w.billing.version, memberIds: [agent.id] });
        const invoice = customerNumber();
        const other = customerNumber();
        await w.customer(invoice, 'About my invoice');
        await w.customer(other, 'Hello');
        const hidden = await conversationOf(other);

        await api().session.signOut();
        await api().session.signIn({ email, password: PASSWORD });
        const { items } = await api().conversations.list();
        expect(items.map((c) => c.customer.phone)).toEqual([invoice]);
        expectProblem(await failure(api().conversations.get(hidden.id)), 404, problemTypes.notFound);
        expectProblem(await failure(api().conversations.messages(hidden.id)), 404, problemTypes.notFound);
      });
    });
  });
}
