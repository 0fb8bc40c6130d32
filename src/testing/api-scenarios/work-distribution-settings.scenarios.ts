import { describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import type { UserCreateInput } from '@/api/contract/user';
import { workstreamDefaults } from '@/api/contract/workstream';
import { DEFAULT_USER_CAPACITY } from '@/domain/work-distribution/capacity';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';

/**
 * The settings work distribution acts on, as both backends store and refuse them: users'
 * capacity and skills, the signed-in user's presence, queue members as users, the
 * workstream's times, routing rules' required skills. Run it against every backend (see
 * src/mocks/handlers/work-distribution-settings.scenarios.test.ts).
 */
export function describeWorkDistributionSettingsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`work distribution settings API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { failure, fieldCodes, expectProblem, send } = harness;
    const api = () => harness.client;

    const userInput = (overrides: Partial<UserCreateInput> = {}): UserCreateInput => {
      const serial = harness.serial();
      return { name: `User ${serial}`, email: `user.${serial}@contoso.example`, role: 'agent', password: PASSWORD, ...overrides };
    };

    describe('users: capacity and skills', () => {
      test(`a new user has capacity ${DEFAULT_USER_CAPACITY} and no skills unless given; both can change`, async () => {
        const plain = await api().users.create(userInput());
        expect(plain).toMatchObject({ capacity: DEFAULT_USER_CAPACITY, skills: [] });
        const skilled = await api().users.create(userInput({ capacity: 5, skills: [{ name: 'Finnish', level: 8 }] }));
        expect(skilled).toMatchObject({ capacity: 5, skills: [{ name: 'Finnish', level: 8 }] });
        const updated = await api().users.update(plain.id, { version: plain.version, capacity: 1, skills: [{ name: 'Billing', level: 3 }] });
        expect(updated).toMatchObject({ capacity: 1, skills: [{ name: 'Billing', level: 3 }] });
        expect((await api().users.list()).items.find((u) => u.id === plain.id)).toMatchObject({ capacity: 1 });
      });

      test('capacity and levels out of range, a skill named twice: field errors', async () => {
        for (const capacity of [0, 101, 1.5]) {
          expect(fieldCodes(await failure(api().users.create(userInput({ capacity }))))).toEqual(['capacity userCapacity.range']);
        }
        const skills = [
          { name: 'Finnish', level: 0 },
          { name: 'English', level: 11 },
          { name: ' finnish ', level: 5 },
        ];
        expect(fieldCodes(await failure(api().users.create(userInput({ skills }))))).toEqual([
          'skills.0.level skillLevel.range',
          'skills.1.level skillLevel.range',
          'skills.2.name skillName.duplicate',
        ]);
      });
    });

    describe('presence', () => {
      test('the signed-in user sets their own presence; the session carries it', async () => {
        for (const presence of ['busy', 'doNotDisturb', 'away', 'offline', 'available'] as const) {
          await expect(api().session.setPresence(presence)).resolves.toEqual({ presence });
          expect((await api().session.get()).user.presence).toBe(presence);
        }
      });

      test('a presence that is none of the five is a field error', async () => {
        const response = await send('PUT', '/api/session/presence', { body: JSON.stringify({ presence: 'sleeping' }) });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ errors: [{ path: 'presence', code: 'presence.invalid' }] });
      });
    });

    describe('queue members are users', () => {
      test('members are chosen by id and shown with name, e-mail and role; none are pending', async () => {
        const agent = await api().users.create(userInput({ name: 'Member Agent' }));
        const queue = await api().queues.create({ ...plainQueueInput(harness), memberIds: [agent.id] });
        expect(queue.members).toEqual([expect.objectContaining({ userId: agent.id, name: 'Member Agent', email: agent.email, role: 'agent' })]);
        expect(queue.pendingMembers).toEqual([]);
        const emptied = await api().queues.update(queue.id, { version: queue.version, memberIds: [] });
        expect(emptied.members).toEqual([]);
      });

      test('an id that is no user, the same user twice, an e-mail that is not pending: field errors', async () => {
        const agent = await api().users.create(userInput());
        const unknown = await failure(api().queues.create({ ...plainQueueInput(harness), memberIds: [agent.id, UNKNOWN_ID] }));
        expect(fieldCodes(unknown)).toEqual(['memberIds.1 member.unknownUser']);
        const twice = await failure(api().queues.create({ ...plainQueueInput(harness), memberIds: [agent.id, agent.id] }));
        expect(fieldCodes(twice)).toEqual(['memberIds.1 member.duplicate']);
        const queue = await api().queues.create(plainQueueInput(harness));
        const notPending = await failure(api().queues.update(queue.id, { version: queue.version, pendingMembers: ['someone@contoso.example'] }));
        expect(fieldCodes(notPending)).toEqual(['pendingMembers.0 member.notPending']);
      });

      test('removing a user removes their memberships, recorded as a change of the queue’s members', async () => {
        const agent = await api().users.create(userInput());
        const queue = await api().queues.create({ ...plainQueueInput(harness), memberIds: [agent.id] });
        await api().users.remove(agent.id);
        expect((await api().queues.get(queue.id)).members).toEqual([]);
        const { items } = await api().auditEvents.list({ entityType: 'queue' });
        expect(items.find((e) => e.entityId === queue.id && e.action === 'updated')).toMatchObject({ changedFields: ['members'] });
      });
    });

    describe('workstreams and routing rules', () => {
      test('the new times default on create, and are checked on update', async () => {
        const queue = await api().queues.create(plainQueueInput(harness));
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        expect(workstream).toMatchObject(workstreamDefaults);
        const changed = await api().workstreams.update(workstream.id, {
          version: workstream.version,
          wrapUpMinutes: 1,
          skillFallbackMinutes: null,
          keepSameAgentDays: 90,
        });
        expect(changed).toMatchObject({ wrapUpMinutes: 1, skillFallbackMinutes: null, keepSameAgentDays: 90 });
        const refused = await failure(
          api().workstreams.update(workstream.id, { version: changed.version, wrapUpMinutes: 0, skillFallbackMinutes: 1441, keepSameAgentDays: 91 }),
        );
        expect(fieldCodes(refused)).toEqual(['keepSameAgentDays days.range', 'skillFallbackMinutes minutes.range', 'wrapUpMinutes minutes.range']);
      });

      test('a rule may require skills some user has; a skill nobody has is refused where it is named', async () => {
        await api().users.create(userInput({ skills: [{ name: 'Swedish', level: 6 }] }));
        const queue = await api().queues.create(plainQueueInput(harness));
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        const rules = await api().routingRules.get(workstream.id);
        const conditions = [{ field: 'customerPhone' as const, operator: 'startsWith' as const, value: '+46' }];
        const saved = await api().routingRules.replace(workstream.id, {
          version: rules.version,
          rules: [{ name: 'Swedes', conditions, queueId: queue.id, requiredSkills: [{ name: 'swedish', level: 4 }] }],
        });
        expect(saved.rules[0]?.requiredSkills).toEqual([{ name: 'swedish', level: 4 }]);
        const plain = await api().routingRules.replace(workstream.id, { version: saved.version, rules: [{ name: 'All', conditions, queueId: queue.id }] });
        expect(plain.rules[0]?.requiredSkills).toEqual([]);

        const unknown = await failure(
          api().routingRules.replace(workstream.id, {
            version: plain.version,
            rules: [{ name: 'Klingons', conditions, queueId: queue.id, requiredSkills: [{ name: 'Klingon', level: 1 }] }],
          }),
        );
        expectProblem(unknown, 400, problemTypes.validation);
        expect(fieldCodes(unknown)).toEqual(['rules.0.requiredSkills.0.name skillName.unknown']);
      });
    });
  });
}
