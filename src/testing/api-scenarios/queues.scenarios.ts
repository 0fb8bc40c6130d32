import { describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { MAX_QUEUE_MEMBERS, queueSchema, type QueueCreateInput, type QueueUpdateInput } from '@/api/contract/queue';
import type { RoutingRuleView } from '@/api/contract/routing-rule';
import type { WorkstreamCreateInput } from '@/api/contract/workstream';
import { workstreamInput as sharedWorkstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

type Period = { day: string; open: string; close: string };

/**
 * The behaviour of /api/queues that the UI relies on. Run it against every backend (see
 * src/mocks/handlers/queues.scenarios.test.ts): a scenario that passes on one and fails on another
 * is a drift between mock and server.
 */
export function describeQueuesScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Queues API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;

    function queueInput(overrides: Partial<QueueCreateInput> = {}): QueueCreateInput {
      return {
        name: `Queue ${harness.serial()}`,
        type: 'messaging',
        priority: 5,
        memberIds: [],
        operatingHours: { timeZone: 'Europe/Helsinki', periods: [{ day: 'mon', open: '08:00', close: '17:00' }] },
        ...overrides,
      };
    }

    /** A user to make a member of queues. */
    const createUser = (name: string, role: 'admin' | 'agent' = 'agent') =>
      harness.client.users.create({ name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${harness.serial()}@contoso.example`, role, password: 'a long enough password' });

    const createQueue = (overrides: Partial<QueueCreateInput> = {}) => harness.client.queues.create(queueInput(overrides));

    /** A create whose opening periods are these, in Helsinki time. */
    const withPeriods = (periods: Period[]) =>
      createQueue({ operatingHours: { timeZone: 'Europe/Helsinki', periods } as QueueCreateInput['operatingHours'] });

    const workstreamInput = (fallbackQueueId: string, overrides: Partial<WorkstreamCreateInput> = {}) =>
      sharedWorkstreamInput(harness, fallbackQueueId, { capacity: { mode: 'unit', value: 3 }, blockCapacityForWrapUp: true, ...overrides });

    // ---- listing -----------------------------------------------------------------

    describe('listing queues', () => {
      test('answers an empty list when there are no queues', async () => {
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [] });
      });

      test('lists every queue by priority (1 first), then by name', async () => {
        const late = await createQueue({ name: 'Zeta', priority: 9 });
        const beta = await createQueue({ name: 'beta', priority: 2 });
        const alpha = await createQueue({ name: 'Alpha', priority: 2 });
        const first = await createQueue({ name: 'Omega', priority: 1 });

        const { items } = await harness.client.queues.list();

        expect(items.map((q) => q.name)).toEqual(['Omega', 'Alpha', 'beta', 'Zeta']);
        expect(items).toEqual([first, alpha, beta, late]);
      });
    });

    // ---- creating ----------------------------------------------------------------

    describe('creating a queue', () => {
      test('answers 201 with the queue: normalised input, members as users in their order, no usage yet and a version', async () => {
        const aino = await createUser('Aino Virtanen');
        const sam = await createUser('Sam Taylor', 'admin');
        const response = await send('POST', '/api/queues', {
          body: JSON.stringify({
            name: '  Finnish customers  ',
            type: 'messaging',
            priority: 3,
            memberIds: [sam.id, aino.id],
            operatingHours: {
              timeZone: 'Europe/Helsinki',
              periods: [
                { day: 'mon', open: ' 08:00', close: '17:00 ' },
                { day: 'sat', open: '10:00', close: '24:00' },
              ],
            },
          }),
        });

        expect(response.status).toBe(201);
        const queue = queueSchema.parse(response.json);
        expect(queue).toMatchObject({
          name: 'Finnish customers',
          type: 'messaging',
          priority: 3,
          members: [
            { userId: sam.id, name: 'Sam Taylor', email: sam.email, role: 'admin', presence: sam.presence },
            { userId: aino.id, name: 'Aino Virtanen', email: aino.email, role: 'agent', presence: aino.presence },
          ],
          pendingMembers: [],
          operatingHours: {
            timeZone: 'Europe/Helsinki',
            periods: [
              { day: 'mon', open: '08:00', close: '17:00' },
              { day: 'sat', open: '10:00', close: '24:00' },
            ],
          },
          usedBy: [],
        });
        expect(Number.isInteger(queue.version)).toBe(true);
        expect(queue.createdAt).toBe(queue.updatedAt);
        const location = response.headers.get('location');
        expect(location === null || location.endsWith(`/api/queues/${queue.id}`), `location ${location}`).toBe(true);
      });

      test('an always-open queue without members', async () => {
        const queue = await createQueue({ memberIds: [], operatingHours: null });
        expect(queue).toMatchObject({ members: [], pendingMembers: [], operatingHours: null, usedBy: [] });
      });

      test('the new queue can be read back by id and appears in the list', async () => {
        const created = await createQueue();
        await expect(harness.client.queues.get(created.id)).resolves.toEqual(created);
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [created] });
      });

      test('queues get distinct ids', async () => {
        const a = await createQueue();
        const b = await createQueue();
        expect(a.id).not.toBe(b.id);
      });

      test('accepts the two ends of the priority range', async () => {
        await expect(createQueue({ priority: 1 })).resolves.toMatchObject({ priority: 1 });
        await expect(createQueue({ priority: 10 })).resolves.toMatchObject({ priority: 10 });
      });

      test('a member is shown as the user is now: a renamed user is renamed in the queue, a removed one leaves it', async () => {
        const aino = await createUser('Aino Virtanen');
        const sam = await createUser('Sam Taylor');
        const queue = await createQueue({ memberIds: [aino.id, sam.id] });
        await harness.client.users.update(aino.id, { version: aino.version, name: 'Aino Korhonen' });
        await harness.client.users.remove(sam.id);
        const now = await harness.client.queues.get(queue.id);
        expect(now.members.map((member) => [member.userId, member.name])).toEqual([[aino.id, 'Aino Korhonen']]);
      });

      test('periods that touch (one closes when the next opens) do not overlap', async () => {
        const queue = await withPeriods([
          { day: 'tue', open: '09:00', close: '12:00' },
          { day: 'tue', open: '12:00', close: '17:00' },
          { day: 'wed', open: '09:00', close: '12:00' },
        ]);
        expect(queue.operatingHours?.periods).toHaveLength(3);
      });
    });

    // ---- validation ----------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test('a priority outside 1–10, or not a whole number: priority.range', async () => {
        for (const priority of [0, 11, -1, 2.5, '3' as unknown as number]) {
          const error = await failure(createQueue({ priority }));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), String(priority)).toEqual(['priority priority.range']);
        }
      });

      test('blank and overlong names, and a type other than messaging', async () => {
        expect(fieldCodes(await failure(createQueue({ name: '   ' })))).toEqual(['name name.required']);
        expect(fieldCodes(await failure(createQueue({ name: 'x'.repeat(101) })))).toEqual(['name name.tooLong']);
        const voice = await failure(createQueue({ type: 'voice' } as unknown as Partial<QueueCreateInput>));
        expect(fieldCodes(voice)).toEqual(['type field.invalid']);
      });

      test('members that are no user (unknown, removed or not even an id): member.unknownUser by their index', async () => {
        const aino = await createUser('Aino Virtanen');
        const gone = await createUser('Gone Agent');
        await harness.client.users.remove(gone.id);
        const error = await failure(createQueue({ memberIds: [aino.id, UNKNOWN_ID, 'not-a-user', gone.id] }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['memberIds.1 member.unknownUser', 'memberIds.2 member.unknownUser', 'memberIds.3 member.unknownUser']);
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [] });
      });

      test('members that are not strings, or blank: member.unknownUser; not a list: field.invalid', async () => {
        const error = await failure(createQueue({ memberIds: [42, '', null] as unknown as string[] }));
        expect(fieldCodes(error)).toEqual(['memberIds.0 member.unknownUser', 'memberIds.1 member.unknownUser', 'memberIds.2 member.unknownUser']);
        const notList = await failure(createQueue({ memberIds: 'everyone' as unknown as string[] }));
        expect(fieldCodes(notList)).toEqual(['memberIds field.invalid']);
      });

      test('the same user twice: member.duplicate on the later one', async () => {
        const aino = await createUser('Aino Virtanen');
        const sam = await createUser('Sam Taylor');
        const error = await failure(createQueue({ memberIds: [aino.id, sam.id, aino.id] }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['memberIds.2 member.duplicate']);
      });

      test(`more than ${MAX_QUEUE_MEMBERS} members: members.tooMany`, async () => {
        const memberIds = Array.from({ length: MAX_QUEUE_MEMBERS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
        expect(fieldCodes(await failure(createQueue({ memberIds })))).toEqual(['memberIds members.tooMany']);
      });

      test('pendingMembers cannot be sent on create, and an update may only keep e-mails that are pending: member.notPending', async () => {
        const refused = await failure(harness.client.queues.create({ ...queueInput(), pendingMembers: [] } as unknown as QueueCreateInput));
        expect(fieldCodes(refused)).toEqual(['pendingMembers field.unknown']);
        const queue = await createQueue();
        const unknown = await failure(harness.client.queues.update(queue.id, { version: queue.version, pendingMembers: ['someone@contoso.example'] }));
        expectProblem(unknown, 400, problemTypes.validation);
        expect(fieldCodes(unknown)).toEqual(['pendingMembers.0 member.notPending']);
        const malformed = await failure(harness.client.queues.update(queue.id, { version: queue.version, pendingMembers: ['not an e-mail'] }));
        expect(fieldCodes(malformed)).toEqual(['pendingMembers.0 member.notPending']);
        await expect(harness.client.queues.update(queue.id, { version: queue.version, pendingMembers: [] })).resolves.toMatchObject({ pendingMembers: [] });
      });

      test('a time that is not HH:MM on a 24-hour clock: time.invalid', async () => {
        for (const time of ['8:00', '25:00', '12:60', '0800', 'noon', '24:30']) {
          const error = await failure(withPeriods([{ day: 'mon', open: time, close: '23:00' }]));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), time).toEqual(['operatingHours.periods.0.open time.invalid']);
        }
        const close = await failure(withPeriods([{ day: 'mon', open: '08:00', close: '5 pm' }]));
        expect(fieldCodes(close)).toEqual(['operatingHours.periods.0.close time.invalid']);
      });

      test('closing at or before opening: hours.endBeforeStart on the closing time', async () => {
        for (const close of ['07:59', '08:00']) {
          const error = await failure(withPeriods([{ day: 'fri', open: '08:00', close }]));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), close).toEqual(['operatingHours.periods.0.close hours.endBeforeStart']);
        }
      });

      test('overlapping periods on the same day: hours.overlap on the later one', async () => {
        const error = await failure(
          withPeriods([
            { day: 'mon', open: '08:00', close: '12:00' },
            { day: 'tue', open: '11:00', close: '13:00' },
            { day: 'mon', open: '11:30', close: '17:00' },
          ]),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['operatingHours.periods.2.open hours.overlap']);
      });

      test('set hours without any period: hours.required', async () => {
        const error = await failure(withPeriods([]));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['operatingHours.periods hours.required']);
      });

      test('a time zone nobody knows, or written with spaces around it: timeZone.invalid', async () => {
        for (const timeZone of ['Mars/Olympus_Mons', '', ' Europe/Helsinki', 'GMT+25']) {
          const error = await failure(createQueue({ operatingHours: { timeZone, periods: [{ day: 'mon', open: '08:00', close: '17:00' }] } }));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), timeZone).toEqual(['operatingHours.timeZone timeZone.invalid']);
        }
      });

      test('a day that is not a weekday code', async () => {
        const error = await failure(withPeriods([{ day: 'monday', open: '08:00', close: '17:00' }]));
        expect(fieldCodes(error)).toEqual(['operatingHours.periods.0.day field.invalid']);
      });

      test('unknown fields are rejected, at the top level, in a member, in the hours and in a period', async () => {
        const input = {
          ...queueInput(),
          usedBy: [],
          members: [],
          operatingHours: { timeZone: 'Europe/Helsinki', holidays: [], periods: [{ day: 'mon', open: '08:00', close: '17:00', note: 'x' }] },
        };
        const error = await failure(harness.client.queues.create(input as QueueCreateInput));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'members field.unknown',
          'operatingHours.holidays field.unknown',
          'operatingHours.periods.0.note field.unknown',
          'usedBy field.unknown',
        ]);
      });

      test('nothing is stored when a create is rejected', async () => {
        await failure(createQueue({ priority: 0 }));
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [] });
      });

      test('a missing body and malformed JSON are 400 bad request', async () => {
        const empty = await send('POST', '/api/queues');
        expect(empty.status).toBe(400);
        expect(empty.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });

        const malformed = await send('POST', '/api/queues', { body: '{"name": "Billing",' });
        expect(malformed.status).toBe(400);
        expect(malformed.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });

        const queue = await createQueue();
        const patch = await send('PATCH', `/api/queues/${queue.id}`, { body: '{version: 1}' });
        expect(patch.status).toBe(400);
        expect(patch.json).toMatchObject({ type: problemTypes.badRequest });
        await expect(harness.client.queues.get(queue.id)).resolves.toEqual(queue);
      });

      test('JSON that is not an object is a validation problem', async () => {
        for (const body of ['[]', 'null', '"queue"', '42']) {
          const response = await send('POST', '/api/queues', { body });
          expect(response.status, body).toBe(400);
          expect(response.json, body).toMatchObject({ type: problemTypes.validation });
        }
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [] });
      });

      test('updates follow the same rules, need the version, and cannot change the type', async () => {
        const queue = await createQueue();
        const invalid = await failure(
          harness.client.queues.update(queue.id, {
            version: queue.version,
            name: '',
            priority: 11,
            memberIds: [UNKNOWN_ID, UNKNOWN_ID],
            operatingHours: { timeZone: 'Nowhere/Land', periods: [] },
          }),
        );
        expectProblem(invalid, 400, problemTypes.validation);
        expect(fieldCodes(invalid)).toEqual([
          'memberIds.1 member.duplicate',
          'name name.required',
          'operatingHours.periods hours.required',
          'operatingHours.timeZone timeZone.invalid',
          'priority priority.range',
        ]);

        const noVersion = await failure(harness.client.queues.update(queue.id, { name: 'Renamed' } as QueueUpdateInput));
        expect(fieldCodes(noVersion)).toEqual(['version version.required']);

        const type = await failure(harness.client.queues.update(queue.id, { version: queue.version, type: 'messaging' } as QueueUpdateInput));
        expect(fieldCodes(type)).toEqual(['type field.unknown']);

        await expect(harness.client.queues.get(queue.id)).resolves.toEqual(queue);
      });
    });

    // ---- not found -------------------------------------------------------------------

    describe('unknown ids (404)', () => {
      test('reading, changing and deleting a queue that does not exist', async () => {
        for (const request of [
          () => harness.client.queues.get(UNKNOWN_ID),
          () => harness.client.queues.update(UNKNOWN_ID, { version: 1, name: 'Ghost' }),
          () => harness.client.queues.remove(UNKNOWN_ID),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
      });

      test('an id that is not even well formed is not found either', async () => {
        expectProblem(await failure(harness.client.queues.get('no-such-queue')), 404, problemTypes.notFound);
      });
    });

    // ---- names -----------------------------------------------------------------------

    describe('names (409)', () => {
      test('a queue name is taken whatever its case and surrounding spaces', async () => {
        await createQueue({ name: 'General support' });
        for (const name of ['General support', 'general SUPPORT', '  GENERAL SUPPORT ']) {
          const error = await failure(createQueue({ name }));
          expectProblem(error, 409, problemTypes.conflict);
          expect(fieldCodes(error)).toEqual(['name queueName.taken']);
        }
        expect((await harness.client.queues.list()).items).toHaveLength(1);
      });

      test('renaming to another queue’s name is a conflict; changing the case of one’s own name is not', async () => {
        await createQueue({ name: 'Billing' });
        const sales = await createQueue({ name: 'Sales' });
        const error = await failure(harness.client.queues.update(sales.id, { version: sales.version, name: 'BILLING' }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['name queueName.taken']);

        const renamed = await harness.client.queues.update(sales.id, { version: sales.version, name: 'SALES' });
        expect(renamed.name).toBe('SALES');
      });

      test('the name of a deleted queue is free again', async () => {
        const gone = await createQueue({ name: 'Temporary' });
        await harness.client.queues.remove(gone.id);
        await expect(createQueue({ name: 'temporary' })).resolves.toMatchObject({ name: 'temporary' });
      });
    });

    // ---- updating and versions -------------------------------------------------------

    describe('updating (optimistic concurrency)', () => {
      test('an update with the current version applies what it names, increments the version and is read back', async () => {
        const aino = await createUser('Aino Virtanen');
        const priya = await createUser('Priya Patel');
        const queue = await createQueue({ name: 'Before', priority: 4, memberIds: [aino.id] });
        const updated = await harness.client.queues.update(queue.id, {
          version: queue.version,
          name: '  After ',
          memberIds: [priya.id],
        });

        expect(updated).toMatchObject({
          id: queue.id,
          name: 'After',
          priority: 4,
          members: [{ userId: priya.id, name: 'Priya Patel', email: priya.email, role: 'agent' }],
          operatingHours: queue.operatingHours,
          version: queue.version + 1,
        });
        expect(updated.createdAt).toBe(queue.createdAt);
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(queue.updatedAt));
        await expect(harness.client.queues.get(queue.id)).resolves.toEqual(updated);
      });

      test('operating hours can be set, replaced and turned into always open (null)', async () => {
        const queue = await createQueue({ operatingHours: null });
        const hours = { timeZone: 'America/New_York', periods: [{ day: 'sun' as const, open: '10:00', close: '14:00' }] };
        const set = await harness.client.queues.update(queue.id, { version: queue.version, operatingHours: hours });
        expect(set.operatingHours).toEqual(hours);
        const open = await harness.client.queues.update(queue.id, { version: set.version, operatingHours: null });
        expect(open.operatingHours).toBeNull();
        expect(open.version).toBe(queue.version + 2);
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const queue = await createQueue({ name: 'Original' });
        // Two admins open the same queue; the first one saves.
        const first = await harness.client.queues.update(queue.id, { version: queue.version, name: 'First save' });
        const error = await failure(harness.client.queues.update(queue.id, { version: queue.version, priority: 1 }));

        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(harness.client.queues.get(queue.id)).resolves.toEqual(first);
      });

      test('a version from the future is a conflict too', async () => {
        const queue = await createQueue();
        const error = await failure(harness.client.queues.update(queue.id, { version: queue.version + 5, name: 'Ahead' }));
        expect(error.isVersionConflict).toBe(true);
      });
    });

    // ---- deleting --------------------------------------------------------------------

    describe('deleting a queue', () => {
      test('answers 204 with no body, and the queue is gone', async () => {
        const keep = await createQueue();
        const doomed = await createQueue();
        const response = await send('DELETE', `/api/queues/${doomed.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');

        expectProblem(await failure(harness.client.queues.get(doomed.id)), 404, problemTypes.notFound);
        await expect(harness.client.queues.list()).resolves.toEqual({ items: [keep] });
        expectProblem(await failure(harness.client.queues.remove(doomed.id)), 404, problemTypes.notFound);
      });

      test('a queue a workstream falls back to shows it in usedBy and cannot be deleted; the refusal names the workstream', async () => {
        const queue = await createQueue({ name: 'Fallback' });
        const workstream = await harness.client.workstreams.create(workstreamInput(queue.id, { name: 'Support chat' }));

        const used = await harness.client.queues.get(queue.id);
        expect(used.usedBy).toEqual([{ kind: 'workstream', id: workstream.id, name: 'Support chat' }]);
        expect((await harness.client.queues.list()).items[0]?.usedBy).toEqual(used.usedBy);

        const error = await failure(harness.client.queues.remove(queue.id));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['usedBy queue.inUse']);
        expect(error.problem.detail).toContain('Support chat');
        await expect(harness.client.queues.get(queue.id)).resolves.toEqual(used);

        // Once the workstream falls back elsewhere, the queue can go.
        const other = await createQueue({ name: 'Other' });
        await harness.client.workstreams.update(workstream.id, { version: workstream.version, fallbackQueueId: other.id });
        await expect(harness.client.queues.get(queue.id)).resolves.toMatchObject({ usedBy: [] });
        await harness.client.queues.remove(queue.id);
        expectProblem(await failure(harness.client.queues.get(queue.id)), 404, problemTypes.notFound);
      });

      test('a queue a routing rule sends conversations to cannot be deleted; the refusal names the rule and its workstream', async () => {
        const fallback = await createQueue({ name: 'Everyone' });
        const target = await createQueue({ name: 'Finland' });
        const workstream = await harness.client.workstreams.create(workstreamInput(fallback.id, { name: 'Nordic chat' }));
        const rules = await harness.client.routingRules.get(workstream.id);
        const saved = await harness.client.routingRules.replace(workstream.id, {
          version: rules.version,
          rules: [{ name: 'Finnish numbers', conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358' }], queueId: target.id }],
        });
        const rule = saved.rules[0]!;

        const used = await harness.client.queues.get(target.id);
        expect(used.usedBy).toEqual([
          { kind: 'routingRule', workstreamId: workstream.id, workstreamName: 'Nordic chat', ruleId: rule.id, ruleName: 'Finnish numbers' },
        ]);

        const error = await failure(harness.client.queues.remove(target.id));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['usedBy queue.inUse']);
        expect(error.problem.detail).toContain('Finnish numbers');
        expect(error.problem.detail).toContain('Nordic chat');

        // The fallback is used by the workstream; both uses are named when both apply.
        await harness.client.routingRules.replace(workstream.id, { version: saved.version, rules: [{ ...rulesInput(rule), queueId: fallback.id }] });
        const both = await failure(harness.client.queues.remove(fallback.id));
        expect(both.problem.detail).toContain('Nordic chat');
        expect(both.problem.detail).toContain('Finnish numbers');
        expect((await harness.client.queues.get(fallback.id)).usedBy).toHaveLength(2);

        await harness.client.queues.remove(target.id);
        await expect(harness.client.queues.list()).resolves.toMatchObject({ items: [{ id: fallback.id }] });
      });
    });
  });
}

/** A saved rule as input again: without the looked-up queue name. */
function rulesInput({ queueName: _, ...rule }: RoutingRuleView) {
  return rule;
}
