import { describe, expect, test } from 'vitest';
import { problemTypes, type FieldError } from '@/api/contract/problem';
import { scenarioHarness, type ScenarioBackend } from './harness';

/**
 * What a script gets for what people type and paste: a field left out is "required", not
 * "not valid"; identifiers pasted with white space are taken without it, and a refused
 * character is named. Run against every backend (src/mocks/handlers/ and
 * src/server/routes/, same name).
 */
export function describeScriptedInputScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Scripted input API scenarios (${name})`, () => {
    const harness = scenarioHarness(setup);

    /** "path code" of each field error of a raw POST, sorted. */
    async function postCodes(path: string, body: unknown): Promise<string[]> {
      const response = await harness.send('POST', path, { body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      const problem = response.json as { type: string; errors: FieldError[] };
      expect(problem.type).toBe(problemTypes.validation);
      return problem.errors.map((e) => `${e.path} ${e.code}`).sort();
    }

    test('an account without a channel or a number’s number says which are required', async () => {
      const codes = await postCodes('/api/whatsapp-accounts', { name: 'Scripted', numbers: [{ name: 'Support' }] });
      expect(codes).toEqual(['accountSid accountSid.required', 'authToken authToken.required', 'channel field.required', 'numbers.0.number e164.required']);
    });

    test('a workstream without its type, distribution and settings says they are required', async () => {
      const codes = await postCodes('/api/workstreams', { name: `Scripted ${harness.serial()}` });
      expect(codes).toEqual(expect.arrayContaining(['type field.required', 'channel field.required', 'distributionMode field.required']));
      expect(codes.filter((c) => c.endsWith('field.invalid'))).toEqual([]);
    });

    test('a queue without its type and opening hours says they are required', async () => {
      const codes = await postCodes('/api/queues', { name: `Scripted ${harness.serial()}` });
      expect(codes).toEqual(expect.arrayContaining(['type field.required', 'priority field.required', 'operatingHours field.required']));
      expect(codes.filter((c) => c.endsWith('field.invalid'))).toEqual([]);
    });

    test('a value of the wrong type, null included, is still not valid', async () => {
      const codes = await postCodes('/api/queues', { name: `Scripted ${harness.serial()}`, type: null, priority: 'high', memberIds: 'all' });
      expect(codes).toEqual(expect.arrayContaining(['type field.invalid', 'priority priority.range', 'memberIds field.invalid']));
    });

    describe('identifiers pasted with white space', () => {
      const GROUPED_TOKEN = '9E15 5237 A1B2 C3D4\u00A0E5F6 0718 293A 4B5C';
      const TOKEN = '9e155237a1b2c3d4e5f60718293a4b5c';

      test('an account created with a SID and token in groups is stored without the gaps', async () => {
        harness.rememberToken(TOKEN);
        const response = await harness.send('POST', '/api/whatsapp-accounts', {
          body: JSON.stringify({
            name: `Pasted ${harness.serial()}`,
            channel: 'whatsapp',
            accountSid: '  AC 0123 4567 89AB CDEF\n0123 4567 89ab cdef ',
            authToken: GROUPED_TOKEN,
            numbers: [{ name: 'Support', number: ` ${harness.newNumber()}\u200B` }],
          }),
        });
        expect(response.status).toBe(201);
        expect(response.json).toMatchObject({ accountSid: 'AC0123456789abcdef0123456789abcdef', authTokenHint: '4b5c' });
        const stored = await harness.client.accounts.get((response.json as { id: string }).id);
        expect(stored.accountSid).toBe('AC0123456789abcdef0123456789abcdef');
      });

      test('a changed SID and token are taken without white space too', async () => {
        const account = await harness.newAccount('Pasted');
        harness.rememberToken(TOKEN);
        const updated = await harness.client.accounts.update(account.id, {
          version: account.version,
          accountSid: '\tACFEDC BA98 7654 3210 FEDC BA98 7654 3210',
          authToken: GROUPED_TOKEN,
        });
        expect(updated).toMatchObject({ accountSid: 'ACfedcba9876543210fedcba9876543210', authTokenHint: '4b5c' });
      });

      test('a template’s ContentSid is stored without white space', async () => {
        const account = await harness.newAccount('Pasted');
        const template = await harness.client.templates.create(account.id, {
          name: `pasted_${harness.serial()}`,
          language: 'en',
          category: 'utility',
          body: 'Hi {{1}}',
          examples: ['Maria'],
          contentSid: '\u200B HX0123 4567 89ab cdef\u00A00123 4567 89AB CDEF\n',
        });
        expect(template.contentSid).toBe('HX0123456789abcdef0123456789abcdef');
      });

      test('a refused character is named in the field error, in English and as a parameter', async () => {
        const response = await harness.send('POST', '/api/whatsapp-accounts', {
          body: JSON.stringify({
            name: `Pasted ${harness.serial()}`,
            channel: 'whatsapp',
            accountSid: harness.newSid(),
            authToken: '9E15 5237 A1B2 C3D4 E5F6 0718 293A 4B5G',
            numbers: [{ name: 'Support', number: harness.newNumber() }],
          }),
        });
        expect(response.status).toBe(400);
        expect((response.json as { errors: FieldError[] }).errors).toEqual([
          {
            path: 'authToken',
            code: 'authToken.notHex',
            message: 'The character “G” is not allowed: an auth token has only the letters a–f and digits 0–9.',
            params: { character: 'G' },
          },
        ]);
      });
    });
  });
}
