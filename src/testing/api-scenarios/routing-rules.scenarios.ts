import { describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import type { Queue } from '@/api/contract/queue';
import {
  routingRuleSetSchema,
  type RoutingRuleSet,
  type RoutingRulesInput,
  type RoutingRuleView,
} from '@/api/contract/routing-rule';
import type { Workstream } from '@/api/contract/workstream';
import { MAX_CONDITIONS_PER_RULE, MAX_ROUTING_RULES } from '@/domain/routing-rules';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

type RuleInput = RoutingRulesInput['rules'][number];
type ConditionInput = RuleInput['conditions'][number];

/**
 * The behaviour of /api/workstreams/:id/routing-rules that the UI relies on: the whole
 * ordered list is read and replaced at once. Run it against every backend (see
 * src/mocks/handlers/routing-rules.scenarios.test.ts). Queues and workstreams are created through the
 * API, as the real server starts empty.
 */
export function describeRoutingRulesScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Routing rules API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;

    const createQueue = (queueName?: string): Promise<Queue> => harness.client.queues.create(plainQueueInput(harness, queueName));

    const createWorkstream = (fallbackQueueId: string): Promise<Workstream> =>
      harness.client.workstreams.create(workstreamInput(harness, fallbackQueueId));

    /** A workstream with its (empty) rule set, its fallback queue and two queues to send conversations to. */
    async function setUp() {
      const general = await createQueue(`General support ${harness.serial()}`);
      const finnish = await createQueue(`Finnish customers ${harness.serial()}`);
      const billing = await createQueue(`Billing ${harness.serial()}`);
      const workstream = await createWorkstream(general.id);
      const set = await harness.client.routingRules.get(workstream.id);
      return { workstream, set, general, finnish, billing };
    }

    const phonePrefix = (value: string): ConditionInput => ({ field: 'customerPhone', operator: 'startsWith', value });
    const messageContains = (value: string): ConditionInput => ({ field: 'firstMessage', operator: 'contains', value });
    const ruleInput = (queueId: string, overrides: Partial<RuleInput> = {}): RuleInput => ({
      name: `Rule ${harness.serial()}`,
      conditions: [phonePrefix('+358')],
      queueId,
      ...overrides,
    });

    /** A saved rule sent back as it is, without its looked-up queue name. */
    const asInput = ({ queueName: _, ...rule }: RoutingRuleView): RuleInput => rule;

    /** Replaces the rules with one rule that has these conditions, expecting a validation failure. */
    async function conditionFailure(conditions: ConditionInput[]) {
      const { workstream, set, billing } = await setUp();
      return failure(harness.client.routingRules.replace(workstream.id, { version: set.version, rules: [ruleInput(billing.id, { conditions })] }));
    }

    // ---- reading -----------------------------------------------------------------

    describe('reading', () => {
      test('a new workstream has an empty set of rules with a version', async () => {
        const { workstream, set } = await setUp();
        expect(routingRuleSetSchema.parse(set)).toEqual(set);
        expect(set).toMatchObject({ workstreamId: workstream.id, rules: [] });
        expect(Number.isInteger(set.version)).toBe(true);
        expect(Number.isNaN(Date.parse(set.updatedAt))).toBe(false);
      });

      test('a rule shows its queue’s current name', async () => {
        const { workstream, set, billing } = await setUp();
        await harness.client.routingRules.replace(workstream.id, { version: set.version, rules: [ruleInput(billing.id)] });
        await harness.client.queues.update(billing.id, { version: billing.version, name: `Invoicing ${harness.serial()}` });
        const renamed = await harness.client.queues.get(billing.id);
        const { rules } = await harness.client.routingRules.get(workstream.id);
        expect(rules[0]!.queueName).toBe(renamed.name);
      });
    });

    // ---- replacing ---------------------------------------------------------------

    describe('replacing the rules', () => {
      test('saves the list in order, gives each rule an id and looks up queue names', async () => {
        const { workstream, set, finnish, billing } = await setUp();
        const saved = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [
            { name: 'Finnish numbers', conditions: [phonePrefix('+358')], queueId: finnish.id },
            { name: 'Invoices and payments', conditions: [messageContains('invoice')], queueId: billing.id },
            {
              name: 'Finnish invoices',
              conditions: [phonePrefix('+358'), messageContains('lasku')],
              queueId: billing.id,
            },
          ],
        });

        expect(saved.workstreamId).toBe(workstream.id);
        expect(saved.rules.map((r) => [r.name, r.queueId, r.queueName])).toEqual([
          ['Finnish numbers', finnish.id, finnish.name],
          ['Invoices and payments', billing.id, billing.name],
          ['Finnish invoices', billing.id, billing.name],
        ]);
        expect(saved.rules[2]!.conditions).toEqual([phonePrefix('+358'), messageContains('lasku')]);
        expect(new Set(saved.rules.map((r) => r.id)).size).toBe(3);
        expect(saved.version).toBeGreaterThan(set.version);
        expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(set.updatedAt));

        await expect(harness.client.routingRules.get(workstream.id)).resolves.toEqual(saved);
      });

      test('the workstream counts its rules', async () => {
        const { workstream, set, billing } = await setUp();
        await harness.client.routingRules.replace(workstream.id, { version: set.version, rules: [ruleInput(billing.id), ruleInput(billing.id)] });
        await expect(harness.client.workstreams.get(workstream.id)).resolves.toMatchObject({ routingRuleCount: 2 });
        const list = await harness.client.workstreams.list();
        expect(list.items.find((w) => w.id === workstream.id)?.routingRuleCount).toBe(2);
      });

      test('reordering keeps every rule’s id; each save moves the version on', async () => {
        const { workstream, set, finnish, billing } = await setUp();
        const first = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [ruleInput(finnish.id, { name: 'A' }), ruleInput(billing.id, { name: 'B' }), ruleInput(billing.id, { name: 'C' })],
        });
        const [a, b, c] = first.rules as [RoutingRuleView, RoutingRuleView, RoutingRuleView];

        const reordered = await harness.client.routingRules.replace(workstream.id, {
          version: first.version,
          rules: [asInput(c), asInput(a), { ...asInput(b), name: 'B renamed' }],
        });
        expect(reordered.rules.map((r) => [r.id, r.name])).toEqual([
          [c.id, 'C'],
          [a.id, 'A'],
          [b.id, 'B renamed'],
        ]);
        expect(reordered.version).toBeGreaterThan(first.version);
        await expect(harness.client.routingRules.get(workstream.id)).resolves.toEqual(reordered);
      });

      test('removing rules and adding new ones in one save; an empty list clears them all', async () => {
        const { workstream, set, billing } = await setUp();
        const first = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [ruleInput(billing.id, { name: 'Kept' }), ruleInput(billing.id, { name: 'Dropped' })],
        });
        const second = await harness.client.routingRules.replace(workstream.id, {
          version: first.version,
          rules: [ruleInput(billing.id, { name: 'New' }), asInput(first.rules[0]!)],
        });
        expect(second.rules.map((r) => r.name)).toEqual(['New', 'Kept']);
        expect(second.rules[1]!.id).toBe(first.rules[0]!.id);
        expect([first.rules[0]!.id, first.rules[1]!.id]).not.toContain(second.rules[0]!.id);

        const cleared = await harness.client.routingRules.replace(workstream.id, { version: second.version, rules: [] });
        expect(cleared.rules).toEqual([]);
        await expect(harness.client.workstreams.get(workstream.id)).resolves.toMatchObject({ routingRuleCount: 0 });
      });

      test('an id that is not one of this workstream’s rules is a new rule with a fresh id; a repeated id is kept once', async () => {
        const { workstream, set, billing, general } = await setUp();
        const other = await createWorkstream(general.id);
        const otherSet = await harness.client.routingRules.get(other.id);
        const theirs = await harness.client.routingRules.replace(other.id, { version: otherSet.version, rules: [ruleInput(billing.id)] });
        const theirId = theirs.rules[0]!.id;

        const mine = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [ruleInput(billing.id, { id: UNKNOWN_ID }), ruleInput(billing.id, { id: theirId })],
        });
        const ids = mine.rules.map((r) => r.id);
        expect(ids).not.toContain(UNKNOWN_ID);
        expect(ids).not.toContain(theirId);
        expect(new Set(ids).size).toBe(2);
        await expect(harness.client.routingRules.get(other.id)).resolves.toEqual(theirs);

        const kept = mine.rules[0]!;
        const twice = await harness.client.routingRules.replace(workstream.id, {
          version: mine.version,
          rules: [asInput(kept), { ...asInput(kept), name: 'Copy' }],
        });
        expect(twice.rules[0]!.id).toBe(kept.id);
        expect(twice.rules[1]!.id).not.toBe(kept.id);
      });

      test(`accepts ${MAX_ROUTING_RULES} rules of ${MAX_CONDITIONS_PER_RULE} conditions each`, async () => {
        const { workstream, set, billing } = await setUp();
        const conditions = Array.from({ length: MAX_CONDITIONS_PER_RULE }, (_, i) => messageContains(`word ${i}`));
        const rules = Array.from({ length: MAX_ROUTING_RULES }, (_, i) => ruleInput(billing.id, { name: `Rule ${i}`, conditions }));
        const saved = await harness.client.routingRules.replace(workstream.id, { version: set.version, rules });
        expect(saved.rules).toHaveLength(MAX_ROUTING_RULES);
        expect(saved.rules[99]!.conditions).toHaveLength(MAX_CONDITIONS_PER_RULE);
      });
    });

    // ---- normalisation -------------------------------------------------------------

    describe('normalisation', () => {
      test('names and values are trimmed; phone prefixes and numbers are kept as + and digits', async () => {
        const { workstream, set, billing } = await setUp();
        const saved = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [
            {
              name: '  Helsinki mobiles  ',
              conditions: [
                { field: 'customerPhone', operator: 'startsWith', value: ' whatsapp:+358 (40) ' },
                { field: 'firstMessage', operator: 'contains', value: '  Lasku  ' },
              ],
              queueId: billing.id,
            },
            {
              name: 'Our test phone',
              conditions: [{ field: 'customerPhone', operator: 'equals', value: 'whatsapp:+1 (415) 523-8886' }],
              queueId: billing.id,
            },
          ],
        });
        expect(saved.rules.map(({ name, conditions }) => ({ name, conditions }))).toEqual([
          {
            name: 'Helsinki mobiles',
            conditions: [
              { field: 'customerPhone', operator: 'startsWith', value: '+35840' },
              { field: 'firstMessage', operator: 'contains', value: 'Lasku' },
            ],
          },
          { name: 'Our test phone', conditions: [{ field: 'customerPhone', operator: 'equals', value: '+14155238886' }] },
        ]);
      });

      test('message values keep their letters, case and emoji as written', async () => {
        const { workstream, set, billing } = await setUp();
        const saved = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [ruleInput(billing.id, { conditions: [messageContains('Väärä LASKU 🧾')] })],
        });
        expect(saved.rules[0]!.conditions).toEqual([messageContains('Väärä LASKU 🧾')]);
      });
    });

    // ---- validation ----------------------------------------------------------------

    describe('validation problems (400 with field errors)', () => {
      test('a rule without conditions, and one with too many', async () => {
        const none = await conditionFailure([]);
        expectProblem(none, 400, problemTypes.validation);
        expect(fieldCodes(none)).toEqual(['rules.0.conditions conditions.required']);

        const eleven = Array.from({ length: MAX_CONDITIONS_PER_RULE + 1 }, (_, i) => messageContains(`w${i}`));
        const tooMany = await conditionFailure(eleven);
        expect(fieldCodes(tooMany)).toEqual(['rules.0.conditions conditions.tooMany']);
      });

      test(`more than ${MAX_ROUTING_RULES} rules`, async () => {
        const { workstream, set, billing } = await setUp();
        const rules = Array.from({ length: MAX_ROUTING_RULES + 1 }, () => ruleInput(billing.id));
        const error = await failure(harness.client.routingRules.replace(workstream.id, { version: set.version, rules }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['rules rules.tooMany']);
      });

      test('an empty, blank or overlong value', async () => {
        const error = await conditionFailure([messageContains(''), phonePrefix('   '), messageContains('x'.repeat(201))]);
        expect(fieldCodes(error)).toEqual([
          'rules.0.conditions.0.value condition.valueRequired',
          'rules.0.conditions.1.value condition.valueRequired',
          'rules.0.conditions.2.value condition.valueTooLong',
        ]);
      });

      test('an operator that does not fit its field', async () => {
        const error = await conditionFailure([
          { field: 'customerPhone', operator: 'contains', value: '40' },
          { field: 'firstMessage', operator: 'startsWith', value: 'hello' },
        ]);
        expect(fieldCodes(error)).toEqual([
          'rules.0.conditions.0.operator condition.operatorMismatch',
          'rules.0.conditions.1.operator condition.operatorMismatch',
        ]);
      });

      test('every problem of a condition at once: no variable, no value, an operator that does not fit', async () => {
        const error = await conditionFailure([
          { field: 'contextVariable', variable: '', operator: 'equals', value: '' },
          { field: 'customerPhone', operator: 'contains', value: '' },
        ]);
        expect(fieldCodes(error)).toEqual(
          expect.arrayContaining([
            'rules.0.conditions.0.variable condition.variableRequired',
            'rules.0.conditions.0.value condition.valueRequired',
            'rules.0.conditions.1.operator condition.operatorMismatch',
            'rules.0.conditions.1.value condition.valueRequired',
          ]),
        );
        expect(fieldCodes(error)).toHaveLength(4);
      });

      test('a field or operator that does not exist', async () => {
        const error = await conditionFailure([
          { field: 'customerName', operator: 'equals', value: 'Maria' },
          { field: 'firstMessage', operator: 'matches', value: 'hel+o' },
        ] as unknown as ConditionInput[]);
        expect(fieldCodes(error)).toEqual(['rules.0.conditions.0.field field.invalid', 'rules.0.conditions.1.operator field.invalid']);
      });

      test('a phone prefix with anything but + and digits', async () => {
        const error = await conditionFailure([phonePrefix('+358abc'), phonePrefix('358'), phonePrefix('+'), phonePrefix(`+${'1'.repeat(16)}`)]);
        expect(fieldCodes(error)).toEqual([
          'rules.0.conditions.0.value condition.phoneInvalid',
          'rules.0.conditions.1.value condition.phoneInvalid',
          'rules.0.conditions.2.value condition.phoneInvalid',
          'rules.0.conditions.3.value condition.phoneInvalid',
        ]);
      });

      test('a phone number to equal must be a whole number in E.164', async () => {
        const equals = (value: string): ConditionInput => ({ field: 'customerPhone', operator: 'equals', value });
        const error = await conditionFailure([
          equals('040 123 4567'),
          equals('+0401234567'),
          equals('+358 40 abc'),
          equals('+'),
          equals(`+${'1'.repeat(16)}`),
        ]);
        expect(fieldCodes(error)).toEqual([
          'rules.0.conditions.0.value e164.missingPlus',
          'rules.0.conditions.1.value e164.leadingZero',
          'rules.0.conditions.2.value e164.invalidCharacters',
          'rules.0.conditions.3.value e164.tooShort',
          'rules.0.conditions.4.value e164.tooLong',
        ]);
      });

      test('a rule needs a name of at most 100 characters, and a queue', async () => {
        const { workstream, set, billing } = await setUp();
        const error = await failure(
          harness.client.routingRules.replace(workstream.id, {
            version: set.version,
            rules: [ruleInput(billing.id, { name: '  ' }), ruleInput(billing.id, { name: 'x'.repeat(101) }), ruleInput('')],
          }),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'rules.0.name ruleName.required',
          'rules.1.name ruleName.tooLong',
          'rules.2.queueId queue.required',
        ]);
      });

      test('errors of several rules are reported together, each by its index', async () => {
        const { workstream, set, billing } = await setUp();
        const error = await failure(
          harness.client.routingRules.replace(workstream.id, {
            version: set.version,
            rules: [ruleInput(billing.id), ruleInput(billing.id, { name: '' }), ruleInput(billing.id, { conditions: [messageContains('')] })],
          }),
        );
        expect(fieldCodes(error)).toEqual(['rules.1.name ruleName.required', 'rules.2.conditions.0.value condition.valueRequired']);
      });

      test('a queue that does not exist: queue.notFound on that rule, and nothing is saved', async () => {
        const { workstream, set, billing } = await setUp();
        const error = await failure(
          harness.client.routingRules.replace(workstream.id, {
            version: set.version,
            rules: [ruleInput(billing.id), ruleInput(UNKNOWN_ID)],
          }),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['rules.1.queueId queue.notFound']);
        await expect(harness.client.routingRules.get(workstream.id)).resolves.toEqual(set);
      });

      test('the version is required', async () => {
        const { workstream, billing } = await setUp();
        const error = await failure(harness.client.routingRules.replace(workstream.id, { rules: [ruleInput(billing.id)] } as unknown as RoutingRulesInput));
        expect(fieldCodes(error)).toEqual(['version version.required']);
      });

      test('unknown fields are rejected, at the top, in a rule and in a condition', async () => {
        const { workstream, set, billing } = await setUp();
        const input = {
          version: set.version,
          workstreamId: workstream.id,
          rules: [{ ...ruleInput(billing.id), queueName: 'Billing', conditions: [{ ...phonePrefix('+358'), caseSensitive: true }] }],
        };
        const error = await failure(harness.client.routingRules.replace(workstream.id, input as RoutingRulesInput));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual([
          'rules.0.conditions.0.caseSensitive field.unknown',
          'rules.0.queueName field.unknown',
          'workstreamId field.unknown',
        ]);
      });

      test('malformed JSON and a missing body are 400 bad request; JSON that is not an object is a validation problem', async () => {
        const { workstream, set } = await setUp();
        const path = `/api/workstreams/${workstream.id}/routing-rules`;
        for (const body of ['{"version": 1, "rules": [', '', 'rules']) {
          const response = await send('PUT', path, { body });
          expect(response.status, body).toBe(400);
          expect(response.json, body).toMatchObject({ type: problemTypes.badRequest, status: 400 });
        }
        for (const body of ['[]', 'null', '"rules"', '42']) {
          const response = await send('PUT', path, { body });
          expect(response.status, body).toBe(400);
          expect(response.json, body).toMatchObject({ type: problemTypes.validation });
        }
        await expect(harness.client.routingRules.get(workstream.id)).resolves.toEqual(set);
      });
    });

    // ---- not found and conflicts --------------------------------------------------------

    describe('unknown workstreams (404)', () => {
      test('reading or replacing the rules of a workstream that does not exist', async () => {
        const queue = await createQueue();
        for (const request of [
          () => harness.client.routingRules.get(UNKNOWN_ID),
          () => harness.client.routingRules.get('no-such-workstream'),
          () => harness.client.routingRules.replace(UNKNOWN_ID, { version: 1, rules: [ruleInput(queue.id)] }),
        ]) {
          expectProblem(await failure(request()), 404, problemTypes.notFound);
        }
      });
    });

    describe('stale versions (409)', () => {
      test('a save based on an older version is refused and changes nothing', async () => {
        const { workstream, set, finnish, billing } = await setUp();
        const theirs: RoutingRuleSet = await harness.client.routingRules.replace(workstream.id, {
          version: set.version,
          rules: [ruleInput(finnish.id, { name: 'Theirs' })],
        });
        const error = await failure(
          harness.client.routingRules.replace(workstream.id, { version: set.version, rules: [ruleInput(billing.id, { name: 'Mine' })] }),
        );
        expectProblem(error, 409, problemTypes.versionConflict);
        await expect(harness.client.routingRules.get(workstream.id)).resolves.toEqual(theirs);
      });

      test('a version from the future is stale too', async () => {
        const { workstream, set, billing } = await setUp();
        const error = await failure(harness.client.routingRules.replace(workstream.id, { version: set.version + 5, rules: [ruleInput(billing.id)] }));
        expectProblem(error, 409, problemTypes.versionConflict);
      });
    });
  });
}
