import { describe, expect, test } from 'vitest';
import { problemTypes, type FieldError } from '@/api/contract/problem';
import { scenarioHarness, type ScenarioBackend } from './harness';

/**
 * What a script that leaves a field out is told: "required", not "not valid". Run against
 * every backend (src/mocks/handlers/ and src/server/routes/, same name).
 */
export function describeMissingFieldsScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`Missing fields API scenarios (${name})`, () => {
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
  });
}
