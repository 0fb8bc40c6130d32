import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { ApiError } from '@/api/problem';
import { routeServerErrors } from './route-server-errors';
import { isStepComplete, nextStepId, resolveStep, type WizardStepDefinition } from './wizard-steps';

interface Values {
  name: string;
  token: string;
}
type Id = 'who' | 'secret' | 'review' | 'result';

const request = z.strictObject({ name: z.string().min(1), token: z.string().min(1) });
const steps: readonly WizardStepDefinition<Id, Values>[] = [
  { id: 'who', schema: request.pick({ name: true }), fields: ['name'] },
  { id: 'secret', schema: request.pick({ token: true }), fields: ['token'] },
  { id: 'review' },
  { id: 'result', reachable: false },
];

describe('the engine: steps', () => {
  test('a step is complete when its slice of a strict contract schema accepts the values, whatever the other steps hold', () => {
    expect(isStepComplete(steps[0]!, { name: 'Contoso', token: '' })).toBe(true);
    expect(isStepComplete(steps[1]!, { name: 'Contoso', token: '' })).toBe(false);
    expect(isStepComplete(steps[2]!, { name: '', token: '' })).toBe(true);
  });

  test('a step opens only when every step before it is complete', () => {
    const complete = (...done: Id[]) => (id: Id) => done.includes(id);
    expect(resolveStep(steps, 'review', complete())).toBe('who');
    expect(resolveStep(steps, 'review', complete('who'))).toBe('secret');
    expect(resolveStep(steps, 'review', complete('who', 'secret'))).toBe('review');
    expect(resolveStep(steps, 'who', complete())).toBe('who');
  });

  test('a step the URL cannot open by itself falls back to the one before it', () => {
    expect(resolveStep(steps, 'result', () => true)).toBe('review');
    expect(nextStepId(steps, 'review')).toBe('result');
    expect(nextStepId(steps, 'result')).toBeNull();
  });
});

describe('the engine: server errors', () => {
  const failure = new ApiError({
    type: 'about:blank',
    title: 'Invalid',
    status: 422,
    errors: [
      { path: 'token', code: 'token.format', message: 'Bad token' },
      { path: 'version', code: 'version.stale', message: 'Stale' },
      { path: 'name', code: 'name.taken', message: 'Taken' },
    ],
  });
  const owner = (path: string) => (path === 'name' ? { step: 'who' as const, path } : path === 'token' ? { step: 'secret' as const, path } : null);

  test('are placed on the steps that own their fields, in the order of the steps', () => {
    expect(routeServerErrors(failure, ['who', 'secret', 'review'], owner)).toEqual([
      { step: 'who', path: 'name', code: 'name.taken' },
      { step: 'secret', path: 'token', code: 'token.format' },
    ]);
  });

  test('anything but problem details owns no field', () => {
    expect(routeServerErrors(new Error('offline'), ['who'], owner)).toEqual([]);
  });
});
