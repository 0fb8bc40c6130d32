import { beforeEach, describe, expect, test } from 'vitest';
import type { AuditEvent, AuditQuery } from '@/api/contract/audit-event';
import type { TemplateCreateInput } from '@/api/contract/message-template';
import { problemTypes } from '@/api/contract/problem';
import type { RoutingRulesInput, RoutingRuleView } from '@/api/contract/routing-rule';
import type { SessionUser } from '@/api/contract/session';
import { signedInSession } from '@/api/contract/session';
import type { WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, type ScenarioBackend } from './harness';

type RuleInput = RoutingRulesInput['rules'][number];
type Entity = { id: string; name: string };
type Summary = Pick<AuditEvent, 'action' | 'entityType' | 'entityId' | 'entityName' | 'changedFields'>;

const PASSWORD = 'correct horse battery staple';

const summary = ({ action, entityType, entityId, entityName, changedFields }: AuditEvent): Summary => ({
  action,
  entityType,
  entityId,
  entityName,
  changedFields,
});

const event = (action: Summary['action'], entityType: Summary['entityType'], entity: Entity, changedFields: string[] = []): Summary => ({
  action,
  entityType,
  entityId: entity.id,
  entityName: entity.name,
  changedFields,
});

/**
 * What the audit log records and how it is read (GET /api/audit-events). Every
 * create, update and delete of a configuration record is recorded, by the signed-in
 * user, newest first; secrets are named as changed, never with their value. The backend
 * starts with one signed-in administrator and no events. Run it against every backend
 * (see src/mocks/handlers/audit-events.scenarios.test.ts).
 */
export function describeAuditEventsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Audit events API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem, newSid, newNumber, newToken } = harness;
    const api = () => harness.client;
    let me: SessionUser;

    beforeEach(async () => {
      me = signedInSession(await api().session.get()).user;
    });

    const list = (query: AuditQuery = {}) => api().auditEvents.list(query);

    /** The events an action records, newest first, each checked for its actor and time. */
    async function recorded(action: () => Promise<unknown>, actor: Entity = me): Promise<Summary[]> {
      const before = new Set((await list({ limit: 200 })).items.map((e) => e.id));
      await action();
      const added = (await list({ limit: 200 })).items.filter((e) => !before.has(e.id));
      for (const e of added) {
        expect(e.actor).toEqual({ id: actor.id, name: actor.name });
        expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      }
      return added.map(summary);
    }

    async function createAccount(numbers = 1) {
      return api().accounts.create({
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: Array.from({ length: numbers }, (_, i) => ({ name: `Line ${i + 1}`, number: newNumber() })),
      });
    }

    const createQueue = (queueName?: string) => api().queues.create(plainQueueInput(harness, queueName));

    function setupInput(version: number, numberId: string, overrides: Partial<WhatsAppSetupInput> = {}): WhatsAppSetupInput {
      return {
        version,
        numberId,
        language: 'fi',
        automatedMessages: [{ trigger: 'greeting', language: 'fi', text: 'Hei! Vastaamme pian.' }],
        survey: { mode: 'off' },
        attachments: { customersCanSend: true, agentsCanSend: false },
        ...overrides,
      };
    }

    // ---- the empty log ------------------------------------------------------------

    test('a fresh backend has recorded nothing', async () => {
      await expect(list()).resolves.toEqual({ items: [], nextCursor: null });
    });

    // ---- queues -------------------------------------------------------------------

    describe('queues', () => {
      test('create, update and delete each record one event; an update names exactly the fields that changed', async () => {
        let queue = await createQueue('Billing');
        const created = await recorded(async () => {
          queue = await createQueue('Invoices');
        });
        expect(created).toEqual([event('created', 'queue', queue)]);

        const updated = await recorded(async () => {
          queue = await api().queues.update(queue.id, {
            version: queue.version,
            name: 'Invoices and refunds',
            priority: 2,
            memberIds: queue.members.map((member) => member.userId),
            operatingHours: null,
          });
        });
        expect(updated).toEqual([event('updated', 'queue', queue, ['name', 'priority'])]);

        const deleted = await recorded(() => api().queues.remove(queue.id));
        expect(deleted).toEqual([event('deleted', 'queue', { id: queue.id, name: 'Invoices and refunds' })]);
      });

      test('an update that changes nothing records nothing, even when it sends every field', async () => {
        const queue = await createQueue();
        const { name, priority, operatingHours } = queue;
        const memberIds = queue.members.map((member) => member.userId);
        await expect(recorded(() => api().queues.update(queue.id, { version: queue.version, name, priority, memberIds, operatingHours, pendingMembers: [] }))).resolves.toEqual([]);
        await expect(recorded(() => api().queues.update(queue.id, { version: queue.version + 1 }))).resolves.toEqual([]);
      });

      test('a refused change records nothing', async () => {
        const queue = await createQueue();
        await expect(recorded(() => failure(api().queues.update(queue.id, { version: queue.version + 3, name: 'Stale' })))).resolves.toEqual([]);
        await expect(recorded(() => failure(api().queues.create({ ...plainQueueInput(harness), priority: 0 })))).resolves.toEqual([]);
      });
    });

    // ---- accounts, numbers and templates -----------------------------------------------

    describe('accounts, numbers and templates', () => {
      test('creating an account records the account only, not its numbers', async () => {
        let account = await createAccount();
        const events = await recorded(async () => {
          account = await createAccount(2);
        });
        expect(events).toEqual([event('created', 'account', account)]);
      });

      test('a new auth token is recorded as changed whenever it is sent, and its value is in no response', async () => {
        const account = await createAccount();
        const token = newToken();
        let saved = account;
        const events = await recorded(async () => {
          saved = await api().accounts.update(account.id, { version: account.version, name: account.name, authToken: token });
        });
        expect(events).toEqual([event('updated', 'account', saved, ['authToken'])]);

        const again = await recorded(async () => {
          saved = await api().accounts.update(account.id, { version: saved.version, authToken: token, accountSid: newSid() });
        });
        expect(again).toEqual([event('updated', 'account', saved, ['accountSid', 'authToken'])]);

        const page = JSON.stringify(await list());
        expect(page).not.toContain(token);
        expect(page).not.toMatch(/"authToken"\s*:/);
      });

      test('numbers: created, renamed (named as they are now) and removed, each on its own', async () => {
        const account = await createAccount();
        let number = await api().numbers.create(account.id, { name: 'Helsinki', number: newNumber() });
        const created = await recorded(async () => {
          number = await api().numbers.create(account.id, { name: 'Stockholm', number: newNumber() });
        });
        expect(created).toEqual([event('created', 'number', number)]);

        const renamed = await recorded(async () => {
          number = await api().numbers.update(account.id, number.id, { version: number.version, name: 'Stockholm office', number: number.number });
        });
        expect(renamed).toEqual([event('updated', 'number', { id: number.id, name: 'Stockholm office' }, ['name'])]);

        await expect(recorded(() => api().numbers.update(account.id, number.id, { version: number.version, name: 'Stockholm office' }))).resolves.toEqual([]);

        const removed = await recorded(() => api().numbers.remove(account.id, number.id));
        expect(removed).toEqual([event('deleted', 'number', { id: number.id, name: 'Stockholm office' })]);
      });

      // The API renumbers without a confirmation field: the UI asks first, and the log keeps what changed and for whom.
      test('renumbering a number a workstream uses is accepted and recorded with the old and new number and the workstream', async () => {
        const account = await createAccount();
        const [number] = account.numbers;
        const queue = await createQueue();
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id, { name: `Sales chat ${harness.serial()}` }));
        await api().workstreams.setUpWhatsApp(workstream.id, setupInput(workstream.version, number!.id));
        const to = newNumber();

        const before = new Set((await list({ limit: 200 })).items.map((e) => e.id));
        const saved = await api().numbers.update(account.id, number!.id, { version: number!.version, number: to });
        const added = (await list({ limit: 200 })).items.filter((e) => !before.has(e.id));

        expect(saved.number).toBe(to);
        expect(added.map(summary)).toEqual([event('updated', 'number', number!, ['number'])]);
        expect(added[0]!.renumbered).toEqual({ from: number!.number, to, workstream: { id: workstream.id, name: workstream.name } });
      });

      test('a rename or a renumber of a free number: only a renumber says from and to, with no workstream', async () => {
        const account = await createAccount();
        const [number] = account.numbers;
        const renamed = await api().numbers.update(account.id, number!.id, { version: number!.version, name: 'Renamed line' });
        const to = newNumber();
        await api().numbers.update(account.id, number!.id, { version: renamed.version, number: to });
        const [renumber, rename] = (await list()).items;
        expect(rename!.renumbered).toBeUndefined();
        expect(renumber!.renumbered).toEqual({ from: number!.number, to, workstream: null });
      });

      test('templates are named with their language', async () => {
        const account = await createAccount();
        const input: TemplateCreateInput = { name: `order_update_${harness.serial()}`, language: 'fi', category: 'utility', body: 'Hei {{1}}!', examples: ['Maria'] };
        let template = await api().templates.create(account.id, { ...input, language: 'en', body: 'Hi {{1}}!' });
        const created = await recorded(async () => {
          template = await api().templates.create(account.id, input);
        });
        const named = { id: template.id, name: `${input.name} (fi)` };
        expect(created).toEqual([event('created', 'template', named)]);

        const updated = await recorded(async () => {
          template = await api().templates.update(account.id, template.id, {
            version: template.version,
            body: 'Hei {{1}}, kiitos!',
            examples: ['Aino'],
            category: 'utility',
          });
        });
        expect(updated).toEqual([event('updated', 'template', named, ['body', 'examples'])]);

        await expect(recorded(() => api().templates.update(account.id, template.id, { version: template.version, language: 'fi' }))).resolves.toEqual([]);

        const deleted = await recorded(() => api().templates.remove(account.id, template.id));
        expect(deleted).toEqual([event('deleted', 'template', named)]);
      });

      test('deleting an account records the account only: its numbers and templates go with it', async () => {
        const account = await createAccount(2);
        await api().templates.create(account.id, { name: 'goodbye', language: 'en', category: 'utility', body: 'Bye!', examples: [] });
        const events = await recorded(() => api().accounts.remove(account.id));
        expect(events).toEqual([event('deleted', 'account', account)]);
      });
    });

    // ---- workstreams, WhatsApp setup and routing rules ----------------------------------------

    describe('workstreams, their WhatsApp setup and routing rules', () => {
      async function workstreamWorld() {
        const queue = await createQueue();
        const account = await createAccount(2);
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id, { name: `Support chat ${harness.serial()}` }));
        return { queue, account, workstream };
      }

      test('a workstream: created, updated with the changed fields only, deleted', async () => {
        const queue = await createQueue();
        let workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        const created = await recorded(async () => {
          workstream = await api().workstreams.create(workstreamInput(harness, queue.id, { name: 'Nordic sales' }));
        });
        expect(created).toEqual([event('created', 'workstream', workstream)]);

        const updated = await recorded(async () => {
          workstream = await api().workstreams.update(workstream.id, {
            version: workstream.version,
            name: 'Nordic sales team',
            distributionMode: workstream.distributionMode,
            capacity: workstream.capacity,
            advanced: {
              ...workstream.advanced,
              notificationTemplate: workstream.advanced.notificationTemplate === 'messagingIncoming' ? 'messagingIncomingWithPreview' : 'messagingIncoming',
            },
            keepSameAgent: !workstream.keepSameAgent,
          });
        });
        expect(updated).toEqual([event('updated', 'workstream', workstream, ['advanced', 'keepSameAgent', 'name'])]);

        await expect(recorded(() => api().workstreams.update(workstream.id, { version: workstream.version, advanced: workstream.advanced }))).resolves.toEqual([]);

        const deleted = await recorded(() => api().workstreams.remove(workstream.id));
        expect(deleted).toEqual([event('deleted', 'workstream', workstream)]);
      });

      test('WhatsApp setup: created the first time, then updated, under the workstream’s id and name; removed is deleted', async () => {
        const { account, workstream } = await workstreamWorld();
        const [first, second] = account.numbers;
        let saved = workstream;

        const created = await recorded(async () => {
          saved = await api().workstreams.setUpWhatsApp(workstream.id, setupInput(saved.version, first!.id));
        });
        expect(created).toEqual([event('created', 'whatsappSetup', workstream)]);

        const updated = await recorded(async () => {
          saved = await api().workstreams.setUpWhatsApp(
            workstream.id,
            setupInput(saved.version, second!.id, { language: 'en', survey: { mode: 'text', text: 'How did we do?' } }),
          );
        });
        expect(updated).toEqual([event('updated', 'whatsappSetup', workstream, ['language', 'numberId', 'survey'])]);

        const same = setupInput(saved.version, second!.id, { language: 'en', survey: { mode: 'text', text: 'How did we do?' } });
        await expect(recorded(() => api().workstreams.setUpWhatsApp(workstream.id, same))).resolves.toEqual([]);

        const removed = await recorded(() => api().workstreams.removeWhatsApp(workstream.id));
        expect(removed).toEqual([event('deleted', 'whatsappSetup', workstream)]);
      });

      test('routing rules: a different list is updated ["rules"] under the workstream; the same list again records nothing', async () => {
        const { queue, workstream } = await workstreamWorld();
        const set = await api().routingRules.get(workstream.id);
        await expect(recorded(() => api().routingRules.replace(workstream.id, { version: set.version, rules: [] }))).resolves.toEqual([]);

        const current = await api().routingRules.get(workstream.id);
        let saved = current;
        const rule: RuleInput = { name: 'Finnish numbers', conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358' }], queueId: queue.id };
        const replaced = await recorded(async () => {
          saved = await api().routingRules.replace(workstream.id, { version: current.version, rules: [rule] });
        });
        expect(replaced).toEqual([event('updated', 'routingRules', workstream, ['rules'])]);

        const resent = saved.rules.map(asInput);
        await expect(recorded(() => api().routingRules.replace(workstream.id, { version: saved.version, rules: resent }))).resolves.toEqual([]);
      });

      test('deleting a workstream records the workstream only, though its setup and rules go with it', async () => {
        const { account, queue, workstream } = await workstreamWorld();
        const saved = await api().workstreams.setUpWhatsApp(workstream.id, setupInput(workstream.version, account.numbers[0]!.id));
        const set = await api().routingRules.get(workstream.id);
        await api().routingRules.replace(workstream.id, {
          version: set.version,
          rules: [{ name: 'Everything', conditions: [{ field: 'firstMessage', operator: 'contains', value: 'hello' }], queueId: queue.id }],
        });
        const events = await recorded(() => api().workstreams.remove(saved.id));
        expect(events).toEqual([event('deleted', 'workstream', workstream)]);
      });
    });

    // ---- users ----------------------------------------------------------------------

    describe('users', () => {
      test('created, updated (a password named, never shown) and removed', async () => {
        const password = 'a password for the audit log test';
        let user = await api().users.create({ name: 'Aino Virtanen', email: `aino.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const created = await recorded(async () => {
          user = await api().users.create({ name: 'Sam Taylor', email: `sam.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        });
        expect(created).toEqual([event('created', 'user', user)]);

        const updated = await recorded(async () => {
          user = await api().users.update(user.id, { version: user.version, role: 'admin', password, name: 'Sam Taylor' });
        });
        expect(updated).toEqual([event('updated', 'user', user, ['password', 'role'])]);
        expect(JSON.stringify(await list())).not.toContain(password);

        await expect(recorded(() => api().users.update(user.id, { version: user.version, email: user.email.toUpperCase() }))).resolves.toEqual([]);

        const removed = await recorded(() => api().users.remove(user.id));
        expect(removed).toEqual([event('deleted', 'user', user)]);
      });

      test('capacity and skills are fields of the user; a removed member changes each of their queues’ members', async () => {
        let user = await api().users.create({ name: 'Aino Virtanen', email: `aino.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const updated = await recorded(async () => {
          user = await api().users.update(user.id, { version: user.version, capacity: 5, skills: [{ name: 'Finnish', level: 7 }] });
        });
        expect(updated).toEqual([event('updated', 'user', user, ['capacity', 'skills'])]);
        await expect(recorded(() => api().users.update(user.id, { version: user.version, capacity: 5, skills: [{ name: 'Finnish', level: 7 }] }))).resolves.toEqual([]);

        const billing = await api().queues.create({ ...plainQueueInput(harness, 'Billing'), memberIds: [user.id] });
        const sales = await api().queues.create({ ...plainQueueInput(harness, 'Sales'), memberIds: [user.id] });
        await createQueue('Without them');
        const removed = await recorded(() => api().users.remove(user.id));
        expect(removed).toEqual([event('updated', 'queue', sales, ['members']), event('updated', 'queue', billing, ['members']), event('deleted', 'user', user)]);
      });

      test('a change of a queue’s members is named as members', async () => {
        const user = await api().users.create({ name: 'Sam Taylor', email: `sam.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        const queue = await createQueue('Billing');
        const added = await recorded(() => api().queues.update(queue.id, { version: queue.version, memberIds: [user.id] }));
        expect(added).toEqual([event('updated', 'queue', queue, ['members'])]);
      });

      test('each event names who made the change, as the user who was signed in', async () => {
        const other = await api().users.create({ name: 'Second Admin', email: `second.${harness.serial()}@contoso.example`, role: 'admin', password: PASSWORD });
        const mine = await createQueue('Mine');
        await api().session.signOut();
        await api().session.signIn({ email: other.email, password: PASSWORD });
        const theirs = await recorded(() => createQueue('Theirs'), other);
        expect(theirs).toHaveLength(1);

        expect((await list({ actorId: other.id })).items.map(summary)).toEqual(theirs);
        const byMe = (await list({ actorId: me.id })).items;
        expect(byMe.map(summary)).toEqual([event('created', 'queue', mine), event('created', 'user', other)]);
        expect(byMe.every((e) => e.actor.id === me.id && e.actor.name === me.name)).toBe(true);
      });
    });

    // ---- reading: filters and pages -----------------------------------------------------------

    describe('reading the log', () => {
      /** A few events of different kinds, oldest first: create a queue, account, workstream; rename the queue; delete the account. */
      async function history() {
        const queue = await createQueue('History queue');
        const account = await createAccount();
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        const renamed = await api().queues.update(queue.id, { version: queue.version, name: 'History queue (renamed)' });
        await api().accounts.remove(account.id);
        return [
          event('created', 'queue', queue),
          event('created', 'account', account),
          event('created', 'workstream', workstream),
          event('updated', 'queue', renamed, ['name']),
          event('deleted', 'account', account),
        ];
      }

      test('newest first', async () => {
        const oldestFirst = await history();
        const { items, nextCursor } = await list();
        expect(items.map(summary)).toEqual([...oldestFirst].reverse());
        expect(nextCursor).toBeNull();
        const times = items.map((e) => Date.parse(e.at));
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
      });

      test('filters by entity type, action and actor, alone and together', async () => {
        const newestFirst = (await history()).reverse();
        const only = async (query: AuditQuery) => (await list(query)).items.map(summary);

        expect(await only({ entityType: 'queue' })).toEqual(newestFirst.filter((e) => e.entityType === 'queue'));
        expect(await only({ action: 'created' })).toEqual(newestFirst.filter((e) => e.action === 'created'));
        expect(await only({ entityType: 'account', action: 'deleted' })).toEqual(newestFirst.filter((e) => e.entityType === 'account' && e.action === 'deleted'));
        expect(await only({ actorId: me.id })).toEqual(newestFirst);
        expect(await only({ actorId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
        expect(await only({ entityType: 'user' })).toEqual([]);
      });

      test('pages of `limit` events follow each other through nextCursor, until it is null', async () => {
        const newestFirst = (await history()).reverse();
        const pages: Summary[][] = [];
        let before: string | undefined;
        for (let guard = 0; guard < 10; guard++) {
          const page = await list({ limit: 2, ...(before ? { before } : {}) });
          pages.push(page.items.map(summary));
          if (page.nextCursor === null) break;
          before = page.nextCursor;
        }
        expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
        expect(pages.flat()).toEqual(newestFirst);
      });

      test('a page that ends exactly at the oldest event has no next cursor', async () => {
        await history();
        await expect(list({ limit: 5 })).resolves.toMatchObject({ nextCursor: null });
        const first = await list({ limit: 4 });
        expect(first.nextCursor).not.toBeNull();
        await expect(list({ limit: 4, before: first.nextCursor! })).resolves.toMatchObject({ nextCursor: null });
      });

      test('paging keeps its filter, and events recorded meanwhile do not shift the next page', async () => {
        const newestFirst = (await history()).reverse();
        const created = newestFirst.filter((e) => e.action === 'created');
        const first = await list({ action: 'created', limit: 2 });
        expect(first.items.map(summary)).toEqual(created.slice(0, 2));

        await createQueue('Recorded meanwhile');
        const second = await list({ action: 'created', limit: 2, before: first.nextCursor! });
        expect(second.items.map(summary)).toEqual(created.slice(2));
        expect(second.nextCursor).toBeNull();
      });

      test(`without a limit a page holds 50 events`, async () => {
        for (let i = 0; i < 51; i++) await createQueue();
        const page = await list();
        expect(page.items).toHaveLength(50);
        expect(page.nextCursor).not.toBeNull();
        const rest = await list({ before: page.nextCursor! });
        expect(rest.items).toHaveLength(1);
        expect(rest.nextCursor).toBeNull();
      });

      test('filter values and limits that are not valid are a validation problem; a cursor the backend did not make is a bad request', async () => {
        for (const [query, expected] of [
          [{ entityType: 'channel' }, 'entityType field.invalid'],
          [{ action: 'removed' }, 'action field.invalid'],
          [{ limit: 0 }, 'limit field.invalid'],
          [{ limit: 201 }, 'limit field.invalid'],
          [{ limit: 2.5 }, 'limit field.invalid'],
        ] as [AuditQuery, string][]) {
          const error = await failure(list(query));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), JSON.stringify(query)).toEqual([expected]);
        }
        expectProblem(await failure(list({ before: 'not a cursor this backend made' })), 400, problemTypes.badRequest);

        const unknown = await send('GET', '/api/audit-events?colour=red', { contentType: null });
        expect(unknown.status).toBe(400);
        expect(unknown.json).toMatchObject({ type: problemTypes.validation, errors: [{ path: 'colour', code: 'field.unknown' }] });
      });

      test('the largest page is 200 events', async () => {
        await history();
        await expect(list({ limit: 200 })).resolves.toMatchObject({ nextCursor: null });
      });
    });
  });
}

/** A saved rule as input again: with its id, without the looked-up queue name. */
function asInput({ queueName: _, ...rule }: RoutingRuleView) {
  return rule;
}
