import { describe, expect, test } from 'vitest';
import type { BotInput } from '@/api/contract/bot';
import { problemTypes } from '@/api/contract/problem';
import type { Workstream } from '@/api/contract/workstream';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';
const SECRET = 'bot-shared-secret-0123456789-wxyz';

/**
 * PUT and DELETE /api/workstreams/:id/bot as the settings screen uses them: HTTPS only (plain
 * HTTP to localhost flagged), the secret required the first time and never shown, the
 * workstream's version guarding every write, administrators only. Run it against every
 * backend (see src/mocks/handlers/bot.scenarios.test.ts).
 */
export function describeBotScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`workstream bot API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    async function createWorkstream(): Promise<Workstream> {
      const queue = await api().queues.create(plainQueueInput(harness));
      return api().workstreams.create(workstreamInput(harness, queue.id));
    }

    const botInput = (version: number, overrides: Partial<BotInput> = {}): BotInput => ({
      version,
      name: 'Menu bot',
      url: 'https://bot.example.com/whatsapp',
      secret: SECRET,
      firstToBot: true,
      maxTurns: 5,
      ...overrides,
    });

    /** No response may carry the secret, in any field or header. */
    async function expectSecretNowhere(workstreamId: string) {
      const raw = await send('GET', `/api/workstreams/${workstreamId}`);
      expect(raw.text).not.toContain(SECRET);
      const list = await send('GET', '/api/workstreams');
      expect(list.text).not.toContain(SECRET);
    }

    describe('connecting a bot', () => {
      test('answers the workstream with the bot: the secret shown only as its last 4 characters', async () => {
        const workstream = await createWorkstream();
        expect(workstream.bot).toBeNull();

        const raw = await send('PUT', `/api/workstreams/${workstream.id}/bot`, { body: JSON.stringify(botInput(workstream.version)) });
        expect(raw.status).toBe(200);
        expect(raw.text).not.toContain(SECRET);
        const updated = raw.json as Workstream;
        expect(updated.bot).toEqual({
          name: 'Menu bot',
          url: 'https://bot.example.com/whatsapp',
          firstToBot: true,
          maxTurns: 5,
          secretHint: 'wxyz',
          insecureUrl: false,
        });
        expect(updated.version).toBeGreaterThan(workstream.version);
        await expect(api().workstreams.get(workstream.id)).resolves.toEqual(updated);
        await expectSecretNowhere(workstream.id);
      });

      test('the number of turns defaults to 10 and the name and address are trimmed', async () => {
        const workstream = await createWorkstream();
        const { maxTurns: _, ...withoutTurns } = botInput(workstream.version);
        const updated = await api().workstreams.setBot(workstream.id, { ...withoutTurns, name: '  Menu bot  ', url: ' https://bot.example.com/hook ' });
        expect(updated.bot).toMatchObject({ name: 'Menu bot', url: 'https://bot.example.com/hook', maxTurns: 10 });
      });

      test('plain HTTP is accepted for localhost only, flagged as insecure', async () => {
        const workstream = await createWorkstream();
        const updated = await api().workstreams.setBot(workstream.id, botInput(workstream.version, { url: 'http://localhost:4300/bot' }));
        expect(updated.bot).toMatchObject({ url: 'http://localhost:4300/bot', insecureUrl: true });

        const error = await failure(api().workstreams.setBot(workstream.id, botInput(updated.version, { url: 'http://bot.example.com/whatsapp' })));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['url botUrl.notHttps']);
        await expect(api().workstreams.get(workstream.id)).resolves.toEqual(updated);
      });

      test('refuses each invalid field with its code', async () => {
        const workstream = await createWorkstream();
        const error = await failure(
          api().workstreams.setBot(workstream.id, { version: workstream.version, name: ' ', url: 'ftp://bot.example.com', secret: 'short', firstToBot: true, maxTurns: 0 }),
        );
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['maxTurns botTurns.range', 'name botName.required', 'secret botSecret.tooShort', 'url botUrl.invalid']);
        await expect(api().workstreams.get(workstream.id)).resolves.toEqual(workstream);
      });

      test('the secret is required the first time, and kept when a later change leaves it out', async () => {
        const workstream = await createWorkstream();
        const { secret: _, ...withoutSecret } = botInput(workstream.version);
        const missing = await failure(api().workstreams.setBot(workstream.id, withoutSecret));
        expectProblem(missing, 400, problemTypes.validation);
        expect(fieldCodes(missing)).toEqual(['secret botSecret.required']);

        const first = await api().workstreams.setBot(workstream.id, botInput(workstream.version));
        const renamed = await api().workstreams.setBot(workstream.id, { ...withoutSecret, version: first.version, name: 'Billing bot', firstToBot: false });
        expect(renamed.bot).toMatchObject({ name: 'Billing bot', firstToBot: false, secretHint: 'wxyz' });

        const replaced = await api().workstreams.setBot(workstream.id, botInput(renamed.version, { secret: 'another-secret-of-enough-length-abcd' }));
        expect(replaced.bot?.secretHint).toBe('abcd');
        await expectSecretNowhere(workstream.id);
      });

      test('a new host needs the secret again: signed customer messages follow an address only with the administrator’s say', async () => {
        const workstream = await createWorkstream();
        const first = await api().workstreams.setBot(workstream.id, botInput(workstream.version));
        const { secret: _, ...withoutSecret } = botInput(first.version);
        const samePlace = await api().workstreams.setBot(workstream.id, { ...withoutSecret, url: `${new URL(first.bot!.url).origin}/another/path` });
        expect(samePlace.bot?.secretHint).toBe('wxyz');
        const moved = await failure(api().workstreams.setBot(workstream.id, { ...withoutSecret, version: samePlace.version, url: 'https://elsewhere.example.net/hook' }));
        expectProblem(moved, 400, problemTypes.validation);
        expect(fieldCodes(moved)).toEqual(['secret botSecret.newAddress']);
        const confirmed = await api().workstreams.setBot(workstream.id, botInput(samePlace.version, { url: 'https://elsewhere.example.net/hook' }));
        expect(confirmed.bot?.url).toBe('https://elsewhere.example.net/hook');
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const workstream = await createWorkstream();
        const renamed = await api().workstreams.update(workstream.id, { version: workstream.version, name: `Renamed ${harness.serial()}` });
        const error = await failure(api().workstreams.setBot(workstream.id, botInput(workstream.version)));
        expectProblem(error, 409, problemTypes.versionConflict);
        expect(error.isVersionConflict).toBe(true);
        await expect(api().workstreams.get(workstream.id)).resolves.toEqual(renamed);
      });

      test('an unknown workstream is not found', async () => {
        expectProblem(await failure(api().workstreams.setBot(UNKNOWN_ID, botInput(1))), 404, problemTypes.notFound);
        expectProblem(await failure(api().workstreams.removeBot(UNKNOWN_ID)), 404, problemTypes.notFound);
      });
    });

    describe('removing a bot', () => {
      test('answers 204 and the workstream has no bot; a new one needs a secret again', async () => {
        const workstream = await createWorkstream();
        const withBot = await api().workstreams.setBot(workstream.id, botInput(workstream.version));

        const raw = await send('DELETE', `/api/workstreams/${workstream.id}/bot`, { contentType: null });
        expect(raw.status).toBe(204);
        const removed = await api().workstreams.get(workstream.id);
        expect(removed.bot).toBeNull();
        expect(removed.version).toBeGreaterThan(withBot.version);

        const { secret: _, ...withoutSecret } = botInput(removed.version);
        const error = await failure(api().workstreams.setBot(workstream.id, withoutSecret));
        expect(fieldCodes(error)).toEqual(['secret botSecret.required']);
      });

      test('removing when there is no bot is not found', async () => {
        const workstream = await createWorkstream();
        expectProblem(await failure(api().workstreams.removeBot(workstream.id)), 404, problemTypes.notFound);
      });
    });

    describe('who may change the bot', () => {
      test('an agent may neither connect nor remove a bot', async () => {
        const workstream = await createWorkstream();
        const withBot = await api().workstreams.setBot(workstream.id, botInput(workstream.version));
        const agent = await api().users.create({ name: 'Agent', email: `agent.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
        await api().session.signOut();
        await api().session.signIn({ email: agent.email, password: PASSWORD });

        expectProblem(await failure(api().workstreams.setBot(workstream.id, botInput(withBot.version))), 403, problemTypes.forbidden);
        expectProblem(await failure(api().workstreams.removeBot(workstream.id)), 403, problemTypes.forbidden);
      });
    });
  });
}
