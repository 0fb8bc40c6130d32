import { describe, expect, test, type TestContext } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { CSRF_HEADER, signedInSession } from '@/api/contract/session';
import type { UserCreateInput } from '@/api/contract/user';
import type { RoutingRulesInput } from '@/api/contract/routing-rule';
import { DEFAULT_USER_CAPACITY } from '@/domain/work-distribution/capacity';
import { conversationWithCustomer, plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, skipBecause, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';

/**
 * The settings work distribution acts on, as the API takes and shows them: a user's
 * capacity, skills and presence (their own, through the session), the workstream's
 * wrap-up, skill fallback and keep-same-agent days, the skills a routing rule requires,
 * and the queues' overview. Run it against every backend (the server in
 * src/server/routes/work-distribution-settings.scenarios.test.ts).
 */
export function describeWorkDistributionSettingsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Work distribution settings API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    function userInput(overrides: Partial<UserCreateInput> = {}): UserCreateInput {
      const serial = harness.serial();
      return { name: `User ${serial}`, email: `user.${serial}@contoso.example`, role: 'agent', password: PASSWORD, ...overrides };
    }
    const createUser = (overrides: Partial<UserCreateInput> = {}) => api().users.create(userInput(overrides));

    async function signInAs(email: string) {
      await api().session.signOut();
      return api().session.signIn({ email, password: PASSWORD });
    }

    // ---- users: capacity and skills ----------------------------------------------------

    describe('a user’s capacity and skills', () => {
      test(`a new user holds ${DEFAULT_USER_CAPACITY} units and no skills unless told otherwise`, async () => {
        const user = await createUser();
        expect(user).toMatchObject({ capacity: DEFAULT_USER_CAPACITY, skills: [] });
      });

      test('capacity and skills are stored as given (names trimmed), read back and changed', async () => {
        const user = await createUser({ capacity: 5, skills: [{ name: ' Finnish ', level: 8 }, { name: 'Billing', level: 1 }] });
        expect(user).toMatchObject({ capacity: 5, skills: [{ name: 'Finnish', level: 8 }, { name: 'Billing', level: 1 }] });
        expect((await api().users.list()).items.find((u) => u.id === user.id)).toEqual(user);

        const changed = await api().users.update(user.id, { version: user.version, capacity: 100, skills: [{ name: 'Swedish', level: 10 }] });
        expect(changed).toMatchObject({ capacity: 100, skills: [{ name: 'Swedish', level: 10 }], version: user.version + 1 });
        const cleared = await api().users.update(user.id, { version: changed.version, skills: [] });
        expect(cleared).toMatchObject({ capacity: 100, skills: [] });
      });

      test('a capacity that is not a whole number from 1 to 100: userCapacity.range', async () => {
        for (const capacity of [0, 101, 1.5, -3, '3' as unknown as number]) {
          const error = await failure(createUser({ capacity }));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), String(capacity)).toEqual(['capacity userCapacity.range']);
        }
        const user = await createUser();
        const update = await failure(api().users.update(user.id, { version: user.version, capacity: 0 }));
        expect(fieldCodes(update)).toEqual(['capacity userCapacity.range']);
      });

      test('skills: a level outside 1–10, a blank or overlong name, the same skill twice whatever its case', async () => {
        const levels = await failure(createUser({ skills: [{ name: 'Finnish', level: 0 }, { name: 'Billing', level: 11 }, { name: 'Sales', level: 2.5 }] }));
        expectProblem(levels, 400, problemTypes.validation);
        expect(fieldCodes(levels)).toEqual(['skills.0.level skillLevel.range', 'skills.1.level skillLevel.range', 'skills.2.level skillLevel.range']);

        const names = await failure(createUser({ skills: [{ name: '  ', level: 3 }, { name: 'x'.repeat(51), level: 3 }] }));
        expect(fieldCodes(names)).toEqual(['skills.0.name skillName.required', 'skills.1.name skillName.tooLong']);

        const twice = await failure(createUser({ skills: [{ name: 'Finnish', level: 3 }, { name: ' FINNISH', level: 5 }] }));
        expect(fieldCodes(twice)).toEqual(['skills.1.name skillName.duplicate']);

        const unknown = await failure(createUser({ skills: [{ name: 'Finnish', level: 3, years: 2 }] as unknown as UserCreateInput['skills'] }));
        expect(fieldCodes(unknown)).toEqual(['skills.0.years field.unknown']);
      });

      test('nothing is stored when capacity or skills are refused', async () => {
        const user = await createUser({ capacity: 4 });
        await failure(api().users.update(user.id, { version: user.version, capacity: 101, name: 'Renamed' }));
        expect((await api().users.list()).items.find((u) => u.id === user.id)).toEqual(user);
      });
    });

    // ---- presence ---------------------------------------------------------------------

    describe('presence', () => {
      test('the signed-in user chooses their presence; the session and the users list show it', async () => {
        const me = signedInSession(await api().session.get()).user;
        expect(me.presence).toBe('available');
        for (const presence of ['busy', 'doNotDisturb', 'away', 'offline', 'available'] as const) {
          await expect(api().session.setPresence(presence)).resolves.toEqual({ presence });
          expect(signedInSession(await api().session.get()).user.presence).toBe(presence);
          expect((await api().users.list()).items.find((u) => u.id === me.id)?.presence).toBe(presence);
        }
      });

      test('an agent sets their own presence, which is theirs alone', async () => {
        const agent = await createUser();
        const me = signedInSession(await api().session.get()).user;
        await signInAs(agent.email);
        await api().session.setPresence('away');
        expect(signedInSession(await api().session.get()).user).toMatchObject({ id: agent.id, presence: 'away' });
        expect((await api().users.list().catch(() => null))?.items.find((u) => u.id === me.id)?.presence).not.toBe('away');
      });

      test('a presence that is not one of the five: presence.invalid; other fields are unknown', async () => {
        for (const presence of ['lunch', '', null, 3]) {
          const error = await failure(api().session.setPresence(presence as never));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error), String(presence)).toEqual(['presence presence.invalid']);
        }
        // The client sends only the presence: a body with more goes as it is.
        const extra = await harness.send('PUT', '/api/session/presence', { body: JSON.stringify({ presence: 'busy', until: 'tomorrow' }) });
        expect(extra.status).toBe(400);
        expect((extra.json as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path} ${e.code}`)).toEqual(['until field.unknown']);
        expect(signedInSession(await api().session.get()).user.presence).toBe('available');
      });

      test('without a session it is 401; without the session’s CSRF token it is 403', async (context: TestContext) => {
        if (!backend.newBrowser) skipBecause(context, 'the backend holds one session only');
        const stranger = backend.newBrowser!();
        const put = (headers: Record<string, string>) =>
          stranger(`${backend.baseUrl}/api/session/presence`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ presence: 'busy' }),
          });
        expect((await put({})).status).toBe(401);

        const agent = await createUser();
        const signIn = await stranger(`${backend.baseUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: agent.email, password: PASSWORD }),
        });
        const { csrfToken } = (await signIn.json()) as { csrfToken: string };
        expect((await put({})).status).toBe(403);
        expect((await put({ [CSRF_HEADER]: 'not-the-token' })).status).toBe(403);
        expect((await put({ [CSRF_HEADER]: csrfToken })).status).toBe(200);
      });
    });

    // ---- workstreams ---------------------------------------------------------------------

    describe('workstream settings', () => {
      test('wrap-up, skill fallback and keep-same-agent days default to 5 minutes, 10 minutes and 7 days', async () => {
        const queue = await api().queues.create(plainQueueInput(harness));
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        expect(workstream).toMatchObject({ wrapUpMinutes: 5, skillFallbackMinutes: 10, keepSameAgentDays: 7 });
      });

      test('they are stored as given, read back and changed; skill fallback may be turned off (null)', async () => {
        const queue = await api().queues.create(plainQueueInput(harness));
        const created = await api().workstreams.create(workstreamInput(harness, queue.id, { wrapUpMinutes: 120, skillFallbackMinutes: null, keepSameAgentDays: 90 }));
        expect(created).toMatchObject({ wrapUpMinutes: 120, skillFallbackMinutes: null, keepSameAgentDays: 90 });
        await expect(api().workstreams.get(created.id)).resolves.toEqual(created);

        const changed = await api().workstreams.update(created.id, { version: created.version, wrapUpMinutes: 1, skillFallbackMinutes: 1440, keepSameAgentDays: 1 });
        expect(changed).toMatchObject({ wrapUpMinutes: 1, skillFallbackMinutes: 1440, keepSameAgentDays: 1, version: created.version + 1 });
        const renamed = await api().workstreams.update(created.id, { version: changed.version, name: 'Renamed' });
        expect(renamed).toMatchObject({ wrapUpMinutes: 1, skillFallbackMinutes: 1440, keepSameAgentDays: 1 });
      });

      test('out of range: minutes.range and days.range', async () => {
        const queue = await api().queues.create(plainQueueInput(harness));
        const error = await failure(api().workstreams.create(workstreamInput(harness, queue.id, { wrapUpMinutes: 0, skillFallbackMinutes: 1441, keepSameAgentDays: 91 })));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['keepSameAgentDays days.range', 'skillFallbackMinutes minutes.range', 'wrapUpMinutes minutes.range']);
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        const update = await failure(api().workstreams.update(workstream.id, { version: workstream.version, wrapUpMinutes: 121, keepSameAgentDays: 0.5 }));
        expect(fieldCodes(update)).toEqual(['keepSameAgentDays days.range', 'wrapUpMinutes minutes.range']);
      });
    });

    // ---- routing rules ---------------------------------------------------------------------

    describe('skills a routing rule requires', () => {
      async function ruleWorld() {
        const queue = await api().queues.create(plainQueueInput(harness));
        const workstream = await api().workstreams.create(workstreamInput(harness, queue.id));
        const rules = await api().routingRules.get(workstream.id);
        const rule = (requiredSkills?: RoutingRulesInput['rules'][number]['requiredSkills']) => ({
          name: `Rule ${harness.serial()}`,
          conditions: [{ field: 'customerPhone' as const, operator: 'startsWith' as const, value: '+358' }],
          queueId: queue.id,
          ...(requiredSkills === undefined ? {} : { requiredSkills }),
        });
        return { workstream, version: rules.version, rule };
      }

      test('a rule without skills requires none; skills some user has are stored as given and read back', async () => {
        await createUser({ skills: [{ name: 'Finnish', level: 4 }] });
        const w = await ruleWorld();
        const saved = await api().routingRules.replace(w.workstream.id, { version: w.version, rules: [w.rule(), w.rule([{ name: 'finnish', level: 6 }])] });
        expect(saved.rules.map((r) => r.requiredSkills)).toEqual([[], [{ name: 'finnish', level: 6 }]]);
        await expect(api().routingRules.get(w.workstream.id)).resolves.toEqual(saved);
      });

      test('a skill no user has: skillName.unknown on its name; a bad level: skillLevel.range', async () => {
        await createUser({ skills: [{ name: 'Finnish', level: 4 }] });
        const w = await ruleWorld();
        const unknown = await failure(
          api().routingRules.replace(w.workstream.id, { version: w.version, rules: [w.rule([{ name: 'Finnish', level: 2 }]), w.rule([{ name: 'Finnish', level: 2 }, { name: 'Klingon', level: 1 }])] }),
        );
        expectProblem(unknown, 400, problemTypes.validation);
        expect(fieldCodes(unknown)).toEqual(['rules.1.requiredSkills.1.name skillName.unknown']);

        const level = await failure(api().routingRules.replace(w.workstream.id, { version: w.version, rules: [w.rule([{ name: 'Finnish', level: 11 }])] }));
        expect(fieldCodes(level)).toEqual(['rules.0.requiredSkills.0.level skillLevel.range']);
        await expect(api().routingRules.get(w.workstream.id)).resolves.toMatchObject({ version: w.version, rules: [] });
      });

      test('changing only the required skills is a change of the rules', async () => {
        await createUser({ skills: [{ name: 'Billing', level: 4 }] });
        const w = await ruleWorld();
        const first = await api().routingRules.replace(w.workstream.id, { version: w.version, rules: [w.rule()] });
        const { queueName: _, ...saved } = first.rules[0]!;
        const second = await api().routingRules.replace(w.workstream.id, { version: first.version, rules: [{ ...saved, requiredSkills: [{ name: 'Billing', level: 2 }] }] });
        expect(second.rules[0]).toMatchObject({ id: saved.id, requiredSkills: [{ name: 'Billing', level: 2 }] });
        const events = await api().auditEvents.list({ entityType: 'routingRules' });
        expect(events.items.map((e) => e.changedFields)).toEqual([['rules'], ['rules']]);
      });
    });

    // ---- the queues' overview ----------------------------------------------------------------

    describe('the queues’ overview', () => {
      test('per queue by priority: its members with presence, load and capacity; nothing waiting yet', async () => {
        const me = signedInSession(await api().session.get()).user;
        const agent = await createUser({ name: 'Aino Agent', capacity: 4 });
        const first = await api().queues.create({ ...plainQueueInput(harness, 'First'), priority: 1, memberIds: [agent.id, me.id] });
        const later = await api().queues.create({ ...plainQueueInput(harness, 'Later'), priority: 9 });

        const { items } = await api().queues.overview();
        expect(items).toEqual([
          {
            queueId: first.id,
            name: 'First',
            priority: 1,
            open: true,
            waiting: 0,
            waitingForOpening: 0,
            oldestWaitingSince: null,
            members: [
              { userId: agent.id, name: 'Aino Agent', presence: agent.presence, usedCapacity: 0, capacity: 4 },
              { userId: me.id, name: me.name, presence: 'available', usedCapacity: 0, capacity: DEFAULT_USER_CAPACITY },
            ],
          },
          { queueId: later.id, name: 'Later', priority: 9, open: true, waiting: 0, waitingForOpening: 0, oldestWaitingSince: null, members: [] },
        ]);
      });

      test('a conversation nobody can take waits in its queue, since it entered it', async (context: TestContext) => {
        if (!backend.simulateInbound) skipBecause(context, 'the backend cannot simulate a customer');
        const { queue, conversation } = await conversationWithCustomer(harness, backend);
        const item = (await api().queues.overview()).items.find((i) => i.queueId === queue.id);
        expect(item).toMatchObject({ waiting: 1, waitingForOpening: 0, oldestWaitingSince: conversation.queuedAt });
      });

      test('a queue outside its opening hours says so', async () => {
        // Open on no day but one that is never today: a period a week away from now is still closed now.
        const today = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date().getUTCDay()]!;
        const other = today === 'mon' ? 'wed' : 'mon';
        const closed = await api().queues.create({
          ...plainQueueInput(harness),
          operatingHours: { timeZone: 'UTC', periods: [{ day: other as 'mon', open: '10:00', close: '11:00' }] },
        });
        const item = (await api().queues.overview()).items.find((i) => i.queueId === closed.id);
        expect(item).toMatchObject({ open: false, waiting: 0 });
      });

      test('agents may not read it (403)', async () => {
        const agent = await createUser();
        await signInAs(agent.email);
        expectProblem(await failure(api().queues.overview()), 403, problemTypes.forbidden);
      });
    });
  });
}
