import { describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import type { Queue } from '@/api/contract/queue';
import {
  MAX_CONTEXT_VARIABLES,
  workstreamSchema,
  type Workstream,
  type WorkstreamCreateInput,
  type WorkstreamUpdateInput,
} from '@/api/contract/workstream';
import { plainQueueInput, workstreamInput as sharedWorkstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

/**
 * The behaviour of /api/workstreams that the UI relies on. Run it against every backend
 * (see src/mocks/handlers/workstreams.scenarios.test.ts). Queues are created through the API, as
 * the real server starts empty.
 */
export function describeWorkstreamsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Workstreams API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;

    const createQueue = (queueName?: string): Promise<Queue> => harness.client.queues.create(plainQueueInput(harness, queueName));

    const workstreamInput = (queueId: string, overrides: Partial<WorkstreamCreateInput> = {}) =>
      sharedWorkstreamInput(harness, queueId, { allowedPresences: ['available', 'busy'], skillMatching: 'closest', ...overrides });

    async function createWorkstream(overrides: Partial<WorkstreamCreateInput> = {}): Promise<Workstream> {
      const queueId = overrides.fallbackQueueId ?? (await createQueue()).id;
      return harness.client.workstreams.create(workstreamInput(queueId, overrides));
    }

    /** A create that must fail, with a fresh queue to fall back to. */
    async function createFailure(overrides: Partial<WorkstreamCreateInput> | Record<string, unknown>) {
      const queue = await createQueue();
      return failure(harness.client.workstreams.create({ ...workstreamInput(queue.id), ...overrides } as WorkstreamCreateInput));
    }

    const advancedWith = (contextVariables: { name: string; type: 'text' | 'number' }[]) => ({
      ...workstreamInput('unused').advanced,
      contextVariables,
    });

    // ---- listing -----------------------------------------------------------------

    describe('listing workstreams', () => {
      test('answers an empty list when there are none', async () => {
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [] });
      });

      test('lists every workstream by name, whatever the case', async () => {
        const queue = await createQueue();
        const charlie = await createWorkstream({ name: 'charlie', fallbackQueueId: queue.id });
        const alpha = await createWorkstream({ name: 'Alpha', fallbackQueueId: queue.id });
        const bravo = await createWorkstream({ name: 'bravo', fallbackQueueId: queue.id });

        const { items } = await harness.client.workstreams.list();
        expect(items.map((w) => w.id)).toEqual([alpha.id, bravo.id, charlie.id]);
        expect(items[1]).toEqual(bravo);
      });
    });

    // ---- creating ----------------------------------------------------------------

    describe('creating a workstream', () => {
      test('answers 201 with the workstream: normalised input, no WhatsApp yet, no rules, a version', async () => {
        const queue = await createQueue('General support');
        const response = await send('POST', '/api/workstreams', {
          body: JSON.stringify({
            ...workstreamInput(queue.id),
            name: '  WhatsApp support  ',
            distributionMode: 'pick',
            capacity: { mode: 'profile', value: 1000 },
            allowedPresences: ['away', 'available', 'doNotDisturb'],
            skillMatching: 'exact',
            advanced: {
              notificationTemplate: 'messagingIncomingWithPreview',
              contextVariables: [
                { name: ' orderNumber ', type: 'text' },
                { name: 'Cart_total2', type: 'number' },
              ],
              quickReplies: [],
            },
          }),
        });

        expect(response.status).toBe(201);
        const workstream = workstreamSchema.parse(response.json);
        expect(workstream).toMatchObject({
          name: 'WhatsApp support',
          type: 'messaging',
          channel: 'whatsapp',
          distributionMode: 'pick',
          fallbackQueueId: queue.id,
          fallbackQueueName: 'General support',
          capacity: { mode: 'profile', value: 1000 },
          blockCapacityForWrapUp: false,
          allowedPresences: ['available', 'doNotDisturb', 'away'],
          skillMatching: 'exact',
          keepSameAgent: true,
          advanced: {
            notificationTemplate: 'messagingIncomingWithPreview',
            contextVariables: [
              { name: 'orderNumber', type: 'text' },
              { name: 'Cart_total2', type: 'number' },
            ],
            quickReplies: [],
          },
          bot: null,
          whatsapp: null,
          routingRuleCount: 0,
        });
        expect(Number.isInteger(workstream.version)).toBe(true);
        expect(workstream.createdAt).toBe(workstream.updatedAt);
        const location = response.headers.get('location');
        expect(location === null || location.endsWith(`/api/workstreams/${workstream.id}`), `location ${location}`).toBe(true);
      });

      test('the new workstream can be read back by id, appears in the list, and has an empty rule set', async () => {
        const created = await createWorkstream();
        await expect(harness.client.workstreams.get(created.id)).resolves.toEqual(created);
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [created] });
        await expect(harness.client.routingRules.get(created.id)).resolves.toMatchObject({ workstreamId: created.id, rules: [] });
      });

      test('the fallback queue now lists the workstream as a user', async () => {
        const queue = await createQueue();
        const workstream = await createWorkstream({ fallbackQueueId: queue.id });
        const { usedBy } = await harness.client.queues.get(queue.id);
        expect(usedBy).toEqual([{ kind: 'workstream', id: workstream.id, name: workstream.name }]);
      });

      test(`accepts capacity 1 and 1000, and ${MAX_CONTEXT_VARIABLES} context variables`, async () => {
        const contextVariables = Array.from({ length: MAX_CONTEXT_VARIABLES }, (_, i) => ({ name: `var${i}`, type: 'text' as const }));
        const low = await createWorkstream({ capacity: { mode: 'unit', value: 1 }, advanced: advancedWith(contextVariables) });
        expect(low.capacity.value).toBe(1);
        expect(low.advanced.contextVariables).toHaveLength(MAX_CONTEXT_VARIABLES);
        const high = await createWorkstream({ capacity: { mode: 'unit', value: 1000 } });
        expect(high.capacity.value).toBe(1000);
      });
    });

    // ---- validation ----------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test('blank and overlong names', async () => {
        expect(fieldCodes(await createFailure({ name: '  ' }))).toEqual(['name name.required']);
        expect(fieldCodes(await createFailure({ name: 'x'.repeat(101) }))).toEqual(['name name.tooLong']);
      });

      test('capacity outside 1–1000, or not a whole number: capacity.range', async () => {
        for (const value of [0, 1001, 2.5, -1]) {
          const error = await createFailure({ capacity: { mode: 'unit', value } });
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), String(value)).toEqual(['capacity.value capacity.range']);
        }
        const text = await createFailure({ capacity: { mode: 'unit', value: '3' } });
        expect(fieldCodes(text)).toEqual(['capacity.value capacity.range']);
      });

      test('no presences: presences.required', async () => {
        const error = await createFailure({ allowedPresences: [] });
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['allowedPresences presences.required']);
      });

      test('context variable names: blank, malformed, and repeated in any case', async () => {
        const error = await createFailure({
          advanced: advancedWith([
            { name: 'orderNumber', type: 'text' },
            { name: ' ', type: 'text' },
            { name: '1st', type: 'number' },
            { name: 'order number', type: 'text' },
            { name: 'ORDERNUMBER', type: 'number' },
            { name: 'x'.repeat(51), type: 'text' },
          ]),
        });
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'advanced.contextVariables.1.name variableName.required',
          'advanced.contextVariables.2.name variableName.invalid',
          'advanced.contextVariables.3.name variableName.invalid',
          'advanced.contextVariables.4.name variableName.duplicate',
          'advanced.contextVariables.5.name variableName.invalid',
        ]);
      });

      test(`more than ${MAX_CONTEXT_VARIABLES} context variables: variables.tooMany`, async () => {
        const contextVariables = Array.from({ length: MAX_CONTEXT_VARIABLES + 1 }, (_, i) => ({ name: `var${i}`, type: 'text' as const }));
        const error = await createFailure({ advanced: advancedWith(contextVariables) });
        expect(fieldCodes(error)).toEqual(['advanced.contextVariables variables.tooMany']);
      });

      test('the bot is not part of a workstream’s input: PUT /api/workstreams/:id/bot sets it', async () => {
        expect(fieldCodes(await createFailure({ bot: null } as Partial<WorkstreamCreateInput>))).toEqual(['bot field.unknown']);
      });

      test('a missing fallback queue is required; a channel other than WhatsApp is unsupported', async () => {
        expect(fieldCodes(await createFailure({ fallbackQueueId: '' }))).toEqual(['fallbackQueueId queue.required']);
        expect(fieldCodes(await createFailure({ channel: 'sms' }))).toEqual(['channel channel.unsupported']);
      });

      test('values outside the lists are invalid', async () => {
        const error = await createFailure({
          type: 'voice',
          distributionMode: 'broadcast',
          skillMatching: 'fuzzy',
          allowedPresences: ['available', 'sleeping'],
          capacity: { mode: 'seats', value: 3 },
        });
        expect(fieldCodes(error)).toEqual([
          'allowedPresences.1 field.invalid',
          'capacity.mode field.invalid',
          'distributionMode field.invalid',
          'skillMatching field.invalid',
          'type field.invalid',
        ]);
      });

      test('a fallback queue that does not exist: 400 queue.notFound, and nothing is stored', async () => {
        const error = await failure(harness.client.workstreams.create(workstreamInput(UNKNOWN_ID)));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['fallbackQueueId queue.notFound']);
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [] });
      });

      test('unknown fields are rejected, at the top level and inside nested objects', async () => {
        const queue = await createQueue();
        const input = workstreamInput(queue.id);
        const error = await failure(
          harness.client.workstreams.create({
            ...input,
            whatsapp: null,
            capacity: { ...input.capacity, unit: 'chats' },
            advanced: { ...input.advanced, contextVariables: [{ name: 'order', type: 'text', required: true }] },
          } as unknown as WorkstreamCreateInput),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'advanced.contextVariables.0.required field.unknown',
          'capacity.unit field.unknown',
          'whatsapp field.unknown',
        ]);
      });

      test('a missing body, malformed JSON and JSON that is not an object', async () => {
        const empty = await send('POST', '/api/workstreams');
        expect(empty.status).toBe(400);
        expect(empty.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });
        const malformed = await send('POST', '/api/workstreams', { body: '{"name": "Sales",' });
        expect(malformed.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });

        const workstream = await createWorkstream();
        const patch = await send('PATCH', `/api/workstreams/${workstream.id}`, { body: '{version: 1}' });
        expect(patch.status).toBe(400);
        expect(patch.json).toMatchObject({ type: problemTypes.badRequest });

        for (const body of ['[]', 'null', '"workstream"']) {
          const response = await send('POST', '/api/workstreams', { body });
          expect(response.json, body).toMatchObject({ type: problemTypes.validation, status: 400 });
        }
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [workstream] });
      });

      test('updates follow the same rules, need the version, and refuse unknown fields', async () => {
        const workstream = await createWorkstream();
        const invalid = await failure(
          harness.client.workstreams.update(workstream.id, {
            version: workstream.version,
            name: '',
            capacity: { mode: 'unit', value: 0 },
            allowedPresences: [],
          }),
        );
        expectProblem(invalid, 400, problemTypes.validation);
        expect(fieldCodes(invalid)).toEqual([
          'allowedPresences presences.required',
          'capacity.value capacity.range',
          'name name.required',
        ]);

        const noVersion = await failure(harness.client.workstreams.update(workstream.id, { name: 'Renamed' } as WorkstreamUpdateInput));
        expect(fieldCodes(noVersion)).toEqual(['version version.required']);

        const unknown = await failure(
          harness.client.workstreams.update(workstream.id, { version: workstream.version, channel: 'whatsapp' } as WorkstreamUpdateInput),
        );
        expect(fieldCodes(unknown)).toEqual(['channel field.unknown']);

        const unknownQueue = await failure(harness.client.workstreams.update(workstream.id, { version: workstream.version, fallbackQueueId: UNKNOWN_ID }));
        expectProblem(unknownQueue, 400, problemTypes.validation);
        expect(fieldCodes(unknownQueue)).toEqual(['fallbackQueueId queue.notFound']);

        await expect(harness.client.workstreams.get(workstream.id)).resolves.toEqual(workstream);
      });
    });

    // ---- names ---------------------------------------------------------------------

    describe('names are unique regardless of case (409)', () => {
      test('creating a second workstream with a taken name', async () => {
        const existing = await createWorkstream({ name: 'Customer care' });
        const error = await failure(createWorkstream({ name: '  CUSTOMER care ' }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['name workstreamName.taken']);
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [existing] });
      });

      test('renaming onto another workstream’s name; keeping or recasing its own is fine', async () => {
        await createWorkstream({ name: 'Sales' });
        const mine = await createWorkstream({ name: 'Support' });
        const error = await failure(harness.client.workstreams.update(mine.id, { version: mine.version, name: 'sales' }));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['name workstreamName.taken']);

        const recased = await harness.client.workstreams.update(mine.id, { version: mine.version, name: 'SUPPORT' });
        expect(recased.name).toBe('SUPPORT');
      });

      test('a deleted workstream’s name is free again', async () => {
        const workstream = await createWorkstream({ name: 'Reusable' });
        await harness.client.workstreams.remove(workstream.id);
        await expect(createWorkstream({ name: 'reusable' })).resolves.toMatchObject({ name: 'reusable' });
      });
    });

    // ---- updating ------------------------------------------------------------------

    describe('updating a workstream', () => {
      test('changes what is sent, keeps the rest, increments the version and is read back', async () => {
        const workstream = await createWorkstream();
        const other = await createQueue('Billing');
        const updated = await harness.client.workstreams.update(workstream.id, {
          version: workstream.version,
          name: ' Renamed ',
          fallbackQueueId: other.id,
          allowedPresences: ['busy', 'available', 'away'],
          advanced: advancedWith([{ name: 'orderNumber', type: 'text' }]),
        });

        expect(updated).toEqual({
          ...workstream,
          name: 'Renamed',
          fallbackQueueId: other.id,
          fallbackQueueName: 'Billing',
          allowedPresences: ['available', 'busy', 'away'],
          advanced: advancedWith([{ name: 'orderNumber', type: 'text' }]),
          bot: null,
          updatedAt: updated.updatedAt,
          version: workstream.version + 1,
        });
        expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(workstream.updatedAt));
        await expect(harness.client.workstreams.get(workstream.id)).resolves.toEqual(updated);
      });

      test('the distribution mode is fixed: the same value is accepted, another one is distributionMode.fixed', async () => {
        const workstream = await createWorkstream({ distributionMode: 'push' });
        const same = await harness.client.workstreams.update(workstream.id, { version: workstream.version, distributionMode: 'push', keepSameAgent: false });
        expect(same).toMatchObject({ distributionMode: 'push', keepSameAgent: false, version: workstream.version + 1 });

        const error = await failure(harness.client.workstreams.update(workstream.id, { version: same.version, distributionMode: 'pick' }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['distributionMode distributionMode.fixed']);
        await expect(harness.client.workstreams.get(workstream.id)).resolves.toEqual(same);
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const workstream = await createWorkstream();
        const first = await harness.client.workstreams.update(workstream.id, { version: workstream.version, name: 'First save' });
        const error = await failure(harness.client.workstreams.update(workstream.id, { version: workstream.version, name: 'Second save' }));
        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(harness.client.workstreams.get(workstream.id)).resolves.toEqual(first);

        const ahead = await failure(harness.client.workstreams.update(workstream.id, { version: first.version + 5, name: 'Ahead' }));
        expect(ahead.isVersionConflict).toBe(true);
      });
    });

    // ---- not found -------------------------------------------------------------------

    describe('unknown ids (404)', () => {
      test('reading, changing and deleting a workstream that does not exist', async () => {
        for (const request of [
          () => harness.client.workstreams.get(UNKNOWN_ID),
          () => harness.client.workstreams.update(UNKNOWN_ID, { version: 1, name: 'Ghost' }),
          () => harness.client.workstreams.remove(UNKNOWN_ID),
          () => harness.client.workstreams.get('no-such-workstream'),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
      });
    });

    // ---- deleting --------------------------------------------------------------------

    describe('deleting a workstream', () => {
      test('answers 204 and it is gone; the fallback queue no longer lists it', async () => {
        const queue = await createQueue();
        const doomed = await createWorkstream({ fallbackQueueId: queue.id });
        const survivor = await createWorkstream({ fallbackQueueId: queue.id });

        const response = await send('DELETE', `/api/workstreams/${doomed.id}`, { contentType: null });
        expect(response.status).toBe(204);
        expect(response.text).toBe('');

        expectProblem(await failure(harness.client.workstreams.get(doomed.id)), 404, problemTypes.notFound);
        await expect(harness.client.workstreams.list()).resolves.toEqual({ items: [survivor] });
        expect((await harness.client.queues.get(queue.id)).usedBy).toEqual([{ kind: 'workstream', id: survivor.id, name: survivor.name }]);
        expectProblem(await failure(harness.client.workstreams.remove(doomed.id)), 404, problemTypes.notFound);
      });

      test('is allowed with WhatsApp set up and rules: it frees the number and its rules go with it', async () => {
        const target = await createQueue('Finnish customers');
        const doomed = await createWorkstream();
        const account = await harness.client.accounts.create({
          name: `Account ${harness.serial()}`,
          channel: 'whatsapp',
          accountSid: harness.newSid(),
          authToken: harness.newToken(),
          numbers: [{ name: 'Support line', number: harness.newNumber() }],
        });
        const number = account.numbers[0]!;
        const setUp = await harness.client.workstreams.setUpWhatsApp(doomed.id, {
          version: doomed.version,
          numberId: number.id,
          language: 'en',
          automatedMessages: [],
          survey: { mode: 'off' },
          attachments: { customersCanSend: true, agentsCanSend: true },
        });
        const rules = await harness.client.routingRules.get(doomed.id);
        await harness.client.routingRules.replace(doomed.id, {
          version: rules.version,
          rules: [{ name: 'Finnish numbers', conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358' }], queueId: target.id }],
        });
        const before = await harness.client.workstreams.get(doomed.id);
        expect(before).toMatchObject({ whatsapp: { numberId: number.id }, routingRuleCount: 1 });
        expect((await harness.client.queues.get(target.id)).usedBy).toHaveLength(1);

        await harness.client.workstreams.remove(doomed.id);

        expect((await harness.client.numbers.list(account.id)).items[0]!.workstream).toBeNull();
        expect((await harness.client.queues.get(target.id)).usedBy).toEqual([]);
        expectProblem(await failure(harness.client.routingRules.get(doomed.id)), 404, problemTypes.notFound);
        const next = await createWorkstream();
        const reused = await harness.client.workstreams.setUpWhatsApp(next.id, {
          version: next.version,
          numberId: number.id,
          language: 'fi',
          automatedMessages: [],
          survey: { mode: 'off' },
          attachments: { customersCanSend: false, agentsCanSend: false },
        });
        expect(reused.whatsapp).toMatchObject({ numberId: number.id, number: setUp.whatsapp!.number });
      });
    });
  });
}
