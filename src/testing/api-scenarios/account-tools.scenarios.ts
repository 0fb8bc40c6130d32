import { describe, expect, test } from 'vitest';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { problemTypes } from '@/api/contract/problem';
import { scenarioHarness, UNKNOWN_ID, type ScenarioBackend } from './harness';

/**
 * The account tools every backend answers the same, whatever Twilio says: the sandbox
 * checklist's status and join code, and the shape of Verify credentials. (What Twilio
 * answers differs by backend: the demo's rule, or the Twilio simulator.) Run it against
 * every backend (see src/mocks/handlers/account-tools.scenarios.test.ts).
 */
export function describeAccountToolsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`account tools API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);
    const { failure, fieldCodes, expectProblem, newSid, newToken, newNumber } = harness;
    const api = () => harness.client;

    const createAccount = (number: string) =>
      api().accounts.create({
        name: `Account ${harness.serial()}`,
        channel: 'whatsapp',
        accountSid: newSid(),
        authToken: newToken(),
        numbers: [{ name: 'Number', number }],
      });

    describe('sandbox checklist', () => {
      test('an account on the sandbox number: its addresses, no code and no message yet', async () => {
        const account = await createAccount(TWILIO_SANDBOX_NUMBER);
        const status = await api().accountTools.sandbox(account.id);
        expect(status).toMatchObject({
          isSandbox: true,
          sandboxNumber: TWILIO_SANDBOX_NUMBER,
          joinCode: null,
          firstInboundAt: null,
          inboundUrl: account.inboundUrl,
          statusCallbackUrl: account.statusCallbackUrl,
        });
        expect(typeof status.publicUrlIsLocal).toBe('boolean');
      });

      test('every account on the sandbox number gets the checklist, not only the first', async () => {
        await createAccount(TWILIO_SANDBOX_NUMBER);
        const second = await createAccount(TWILIO_SANDBOX_NUMBER);
        expect((await api().accountTools.sandbox(second.id)).isSandbox).toBe(true);
      });

      test('an account on its own number is no sandbox', async () => {
        const account = await createAccount(newNumber());
        expect((await api().accountTools.sandbox(account.id)).isSandbox).toBe(false);
      });

      test('the join code is kept as the words after "join", in lower case, and read back', async () => {
        const account = await createAccount(TWILIO_SANDBOX_NUMBER);
        const saved = await api().accountTools.saveJoinCode(account.id, '  join Quiet-River ');
        expect(saved.joinCode).toBe('quiet-river');
        expect((await api().accountTools.sandbox(account.id)).joinCode).toBe('quiet-river');
        expect((await api().accountTools.saveJoinCode(account.id, 'bright-harbor')).joinCode).toBe('bright-harbor');
      });

      test('a code with spaces or other characters is a validation problem, and the code stays', async () => {
        const account = await createAccount(TWILIO_SANDBOX_NUMBER);
        await api().accountTools.saveJoinCode(account.id, 'quiet-river');
        for (const code of ['two words', '', 'ääkköset', '-dash-first']) {
          const error = await failure(api().accountTools.saveJoinCode(account.id, code));
          expectProblem(error, 400, problemTypes.validation);
          expect(fieldCodes(error)).toEqual(['joinCode field.invalid']);
        }
        expect((await api().accountTools.sandbox(account.id)).joinCode).toBe('quiet-river');
      });

      test('a changed join code is in the audit log; saving the same code again is not', async () => {
        const account = await createAccount(TWILIO_SANDBOX_NUMBER);
        await api().accountTools.saveJoinCode(account.id, 'quiet-river');
        await api().accountTools.saveJoinCode(account.id, 'quiet-river');
        const { items } = await api().auditEvents.list({ entityType: 'account' });
        const changes = items.filter((e) => e.entityId === account.id && e.action === 'updated');
        expect(changes.map((e) => e.changedFields)).toEqual([['sandboxJoinCode']]);
      });
    });

    describe('verify credentials', () => {
      test('answers a result whose ok agrees with its outcome, checked now', async () => {
        const account = await createAccount(newNumber());
        const before = Date.now() - 60_000;
        const result = await api().accountTools.verify(account.id);
        expect(result.ok).toBe(result.outcome === 'ok');
        expect(Date.parse(result.checkedAt)).toBeGreaterThanOrEqual(before);
      });
    });

    test('an unknown account is not found by any tool', async () => {
      expectProblem(await failure(api().accountTools.sandbox(UNKNOWN_ID)), 404, problemTypes.notFound);
      expectProblem(await failure(api().accountTools.saveJoinCode(UNKNOWN_ID, 'quiet-river')), 404, problemTypes.notFound);
      expectProblem(await failure(api().accountTools.verify(UNKNOWN_ID)), 404, problemTypes.notFound);
      expectProblem(await failure(api().accountTools.syncTemplates(UNKNOWN_ID)), 404, problemTypes.notFound);
    });
  });
}
