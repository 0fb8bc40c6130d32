import { describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { MAX_AUTOMATED_MESSAGE_LENGTH, type WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { plainQueueInput, workstreamInput } from './fixtures';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

/**
 * The behaviour of PUT/DELETE /api/workstreams/:id/whatsapp (the "Set up WhatsApp"
 * result) that the UI relies on. Run it against every backend (see
 * src/mocks/handlers/whatsapp-setup.scenarios.test.ts).
 */
export function describeWhatsAppSetupScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`WhatsApp setup API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { send, failure, fieldCodes, expectProblem, newSid, newNumber, newToken } = harness;

    /** An account with two numbers, a queue and two workstreams: all a setup needs. */
    async function world() {
      const account = await harness.client.accounts.create({
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: [
          { name: 'Helsinki', number: newNumber() },
          { name: 'Stockholm', number: newNumber() },
        ],
      });
      const queue = await harness.client.queues.create(plainQueueInput(harness));
      const first = await harness.client.workstreams.create(workstreamInput(harness, queue.id));
      const second = await harness.client.workstreams.create(workstreamInput(harness, queue.id));
      const [helsinki, stockholm] = account.numbers;
      return { account, queue, first, second, helsinki: helsinki!, stockholm: stockholm! };
    }

    function setupInput(version: number, numberId: string, overrides: Partial<WhatsAppSetupInput> = {}): WhatsAppSetupInput {
      return {
        version,
        numberId,
        language: 'fi',
        automatedMessages: [
          { trigger: 'greeting', language: 'fi', text: 'Hei! Vastaamme pian.' },
          { trigger: 'greeting', language: 'en', text: 'Hi! We will answer soon.' },
          { trigger: 'outOfHours', language: 'fi', text: 'Olemme kiinni.' },
        ],
        survey: { mode: 'link', url: 'https://survey.example.com/whatsapp' },
        attachments: { customersCanSend: true, agentsCanSend: false },
        ...overrides,
      };
    }

    const numberOf = async (accountId: string, numberId: string) =>
      (await harness.client.accounts.get(accountId)).numbers.find((n) => n.id === numberId);

    // ---- setting up ----------------------------------------------------------------

    describe('setting up WhatsApp', () => {
      test('answers the workstream with its setup, a new version and the number and account named', async () => {
        const { account, first, helsinki } = await world();
        const saved = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));

        expect(saved.id).toBe(first.id);
        expect(saved.version).toBeGreaterThan(first.version);
        expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
        expect(saved.whatsapp).toMatchObject({
          numberId: helsinki.id,
          number: helsinki.number,
          numberName: 'Helsinki',
          accountId: account.id,
          accountName: account.name,
          language: 'fi',
          survey: { mode: 'link', url: 'https://survey.example.com/whatsapp' },
          attachments: { customersCanSend: true, agentsCanSend: false },
        });
        expect(saved.whatsapp?.automatedMessages).toEqual(setupInput(0, '').automatedMessages);
      });

      test('reads back through GET workstream and in the list', async () => {
        const { first, helsinki } = await world();
        const saved = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        await expect(harness.client.workstreams.get(first.id)).resolves.toEqual(saved);
        const { items } = await harness.client.workstreams.list();
        expect(items.find((w) => w.id === first.id)?.whatsapp).toEqual(saved.whatsapp);
      });

      test('the number shows its workstream in GET account; the other number stays free', async () => {
        const { account, first, helsinki, stockholm } = await world();
        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        expect((await numberOf(account.id, helsinki.id))?.workstream).toEqual({ id: first.id, name: first.name });
        expect((await numberOf(account.id, stockholm.id))?.workstream).toBeNull();
      });

      test('trims texts, and accepts no messages, survey off and the survey as text', async () => {
        const { first, helsinki } = await world();
        const saved = await harness.client.workstreams.setUpWhatsApp(
          first.id,
          setupInput(first.version, helsinki.id, {
            automatedMessages: [{ trigger: 'agentAssigned', language: 'en', text: '  Aino is here.  ' }],
            survey: { mode: 'text', text: '  How did we do? Answer 1–5.  ' },
          }),
        );
        expect(saved.whatsapp?.automatedMessages).toEqual([{ trigger: 'agentAssigned', language: 'en', text: 'Aino is here.' }]);
        expect(saved.whatsapp?.survey).toEqual({ mode: 'text', text: 'How did we do? Answer 1–5.' });

        const off = await harness.client.workstreams.setUpWhatsApp(
          first.id,
          setupInput(saved.version, helsinki.id, { automatedMessages: [], survey: { mode: 'off' } }),
        );
        expect(off.whatsapp).toMatchObject({ automatedMessages: [], survey: { mode: 'off' } });
      });

      test('saving again with the same number replaces the setup; moving to another number frees the first', async () => {
        const { account, first, helsinki, stockholm } = await world();
        const once = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        const twice = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(once.version, helsinki.id, { language: 'sv' }));
        expect(twice.whatsapp?.language).toBe('sv');
        expect(twice.version).toBeGreaterThan(once.version);

        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(twice.version, stockholm.id));
        expect((await numberOf(account.id, helsinki.id))?.workstream).toBeNull();
        expect((await numberOf(account.id, stockholm.id))?.workstream?.id).toBe(first.id);
      });
    });

    // ---- validation ------------------------------------------------------------------

    describe('validation', () => {
      const invalid = async (overrides: Partial<Record<keyof WhatsAppSetupInput, unknown>>) => {
        const { first, helsinki } = await world();
        const body = { ...setupInput(first.version, helsinki.id), ...overrides } as WhatsAppSetupInput;
        const error = await failure(harness.client.workstreams.setUpWhatsApp(first.id, body));
        expectProblem(error, 400, problemTypes.validation);
        return fieldCodes(error);
      };

      test('a number and a language are required', async () => {
        expect(await invalid({ numberId: '', language: '' })).toEqual(['language language.required', 'numberId number.required']);
      });

      test('a language WhatsApp does not support', async () => {
        expect(await invalid({ language: 'xx' })).toEqual(['language language.unsupported']);
        expect(
          await invalid({ automatedMessages: [{ trigger: 'greeting', language: 'fi-FI', text: 'Hei' }] }),
        ).toEqual(['automatedMessages.0.language language.unsupported']);
      });

      test('an empty message, or one of blanks only', async () => {
        expect(
          await invalid({
            automatedMessages: [
              { trigger: 'greeting', language: 'fi', text: '' },
              { trigger: 'outOfHours', language: 'fi', text: '   ' },
            ],
          }),
        ).toEqual(['automatedMessages.0.text message.required', 'automatedMessages.1.text message.required']);
      });

      test(`a message longer than ${MAX_AUTOMATED_MESSAGE_LENGTH} characters`, async () => {
        const text = 'a'.repeat(MAX_AUTOMATED_MESSAGE_LENGTH);
        const { first, helsinki } = await world();
        await harness.client.workstreams.setUpWhatsApp(
          first.id,
          setupInput(first.version, helsinki.id, { automatedMessages: [{ trigger: 'greeting', language: 'fi', text }] }),
        );
        expect(
          await invalid({ automatedMessages: [{ trigger: 'greeting', language: 'fi', text: `${text}b` }] }),
        ).toEqual(['automatedMessages.0.text message.tooLong']);
      });

      test('two texts of one message in the same language', async () => {
        expect(
          await invalid({
            automatedMessages: [
              { trigger: 'greeting', language: 'fi', text: 'Hei' },
              { trigger: 'outOfHours', language: 'fi', text: 'Kiinni' },
              { trigger: 'greeting', language: 'fi', text: 'Moi' },
            ],
          }),
        ).toEqual(['automatedMessages.2.language messageLanguage.duplicate']);
      });

      test('a survey link that is not https, and an empty survey', async () => {
        expect(await invalid({ survey: { mode: 'link', url: 'http://survey.example.com' } })).toEqual(['survey.url survey.invalidUrl']);
        expect(await invalid({ survey: { mode: 'link', url: 'survey' } })).toEqual(['survey.url survey.invalidUrl']);
        expect(await invalid({ survey: { mode: 'link', url: '  ' } })).toEqual(['survey.url survey.required']);
        expect(await invalid({ survey: { mode: 'text', text: '' } })).toEqual(['survey.text survey.required']);
        expect(await invalid({ survey: { mode: 'text', text: 'x'.repeat(1025) } })).toEqual(['survey.text survey.tooLong']);
      });

      test('unknown fields are rejected, at the top level and inside a message', async () => {
        const { first, helsinki } = await world();
        const response = await send('PUT', `/api/workstreams/${first.id}/whatsapp`, {
          body: JSON.stringify({
            ...setupInput(first.version, helsinki.id),
            enabled: true,
            automatedMessages: [{ trigger: 'greeting', language: 'fi', text: 'Hei', enabled: true }],
          }),
        });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ type: problemTypes.validation });
        const errors = (response.json as { errors: { path: string; code: string }[] }).errors.map((e) => `${e.path} ${e.code}`).sort();
        expect(errors).toEqual(['automatedMessages.0.enabled field.unknown', 'enabled field.unknown']);
      });

      test('a missing body and malformed JSON are 400 bad request', async () => {
        const { first } = await world();
        const malformed = await send('PUT', `/api/workstreams/${first.id}/whatsapp`, { body: '{"numberId": "x",' });
        expect(malformed.status).toBe(400);
        expect(malformed.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });
        const empty = await send('PUT', `/api/workstreams/${first.id}/whatsapp`, { body: '' });
        expect(empty.status).toBe(400);
        expect(empty.json).toMatchObject({ type: problemTypes.badRequest, status: 400 });
      });

      test('nothing is stored by a rejected request', async () => {
        const { first } = await world();
        await invalid({ language: 'xx' });
        await expect(harness.client.workstreams.get(first.id)).resolves.toEqual(first);
      });
    });

    // ---- references and conflicts --------------------------------------------------------

    describe('the number and the workstream', () => {
      test('an unknown workstream is 404', async () => {
        const { helsinki } = await world();
        const error = await failure(harness.client.workstreams.setUpWhatsApp(UNKNOWN_ID, setupInput(1, helsinki.id)));
        expectProblem(error, 404, problemTypes.notFound);
      });

      test('a number that does not exist is a field error on numberId', async () => {
        const { first } = await world();
        const error = await failure(harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, UNKNOWN_ID)));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['numberId number.notFound']);
      });

      test('a number another workstream uses is a 409 that names that workstream', async () => {
        const { first, second, helsinki } = await world();
        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        const error = await failure(harness.client.workstreams.setUpWhatsApp(second.id, setupInput(second.version, helsinki.id)));
        expectProblem(error, 409, problemTypes.conflict);
        expect(fieldCodes(error)).toEqual(['numberId number.bound']);
        expect(error.problem.detail).toContain(first.name);
        await expect(harness.client.workstreams.get(second.id)).resolves.toMatchObject({ whatsapp: null, version: second.version });
      });

      test('a stale version is a version conflict and changes nothing', async () => {
        const { first, helsinki, stockholm } = await world();
        const saved = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        const error = await failure(harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, stockholm.id)));
        expectProblem(error, 409, problemTypes.versionConflict);
        await expect(harness.client.workstreams.get(first.id)).resolves.toEqual(saved);
      });

      test('a bound number and its account cannot be removed', async () => {
        const { account, first, helsinki } = await world();
        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        expectProblem(await failure(harness.client.numbers.remove(account.id, helsinki.id)), 409, problemTypes.conflict);
        expectProblem(await failure(harness.client.accounts.remove(account.id)), 409, problemTypes.conflict);
      });
    });

    // ---- removing ------------------------------------------------------------------

    describe('removing the setup', () => {
      test('answers 204, frees the number for another workstream and bumps the version', async () => {
        const { account, first, second, helsinki } = await world();
        const saved = await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));

        const response = await send('DELETE', `/api/workstreams/${first.id}/whatsapp`, { contentType: null });
        expect(response.status).toBe(204);

        const after = await harness.client.workstreams.get(first.id);
        expect(after.whatsapp).toBeNull();
        expect(after.version).toBeGreaterThan(saved.version);
        expect((await numberOf(account.id, helsinki.id))?.workstream).toBeNull();

        const taken = await harness.client.workstreams.setUpWhatsApp(second.id, setupInput(second.version, helsinki.id));
        expect(taken.whatsapp?.numberId).toBe(helsinki.id);
      });

      test('removing twice, or from a workstream never set up, is 404', async () => {
        const { first, second, helsinki } = await world();
        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        await harness.client.workstreams.removeWhatsApp(first.id);
        expectProblem(await failure(harness.client.workstreams.removeWhatsApp(first.id)), 404, problemTypes.notFound);
        expectProblem(await failure(harness.client.workstreams.removeWhatsApp(second.id)), 404, problemTypes.notFound);
        expectProblem(await failure(harness.client.workstreams.removeWhatsApp(UNKNOWN_ID)), 404, problemTypes.notFound);
      });

      test('after removal the number and its account can be removed', async () => {
        const { account, first, helsinki } = await world();
        await harness.client.workstreams.setUpWhatsApp(first.id, setupInput(first.version, helsinki.id));
        await harness.client.workstreams.removeWhatsApp(first.id);
        await harness.client.numbers.remove(account.id, helsinki.id);
        await harness.client.accounts.remove(account.id);
        await expect(harness.client.workstreams.get(first.id)).resolves.toMatchObject({ whatsapp: null });
      });
    });
  });
}
