import { describe, expect, test } from 'vitest';
import { isWizardStep, previousStep, resolveStep, wizardSteps, type FormStep } from './wizard-steps';

const completeUpTo = (...done: FormStep[]) => ({ isComplete: (step: FormStep) => done.includes(step), createdAccountId: null });

describe('wizard steps', () => {
  test('are ordered and walk backwards', () => {
    expect(wizardSteps).toEqual(['details', 'account', 'numbers', 'callback']);
    expect(previousStep('numbers')).toBe('account');
    expect(previousStep('details')).toBeNull();
  });

  test('recognise only known step ids', () => {
    expect(isWizardStep('numbers')).toBe(true);
    expect(isWizardStep('summary')).toBe(false);
    expect(isWizardStep(null)).toBe(false);
  });

  test('a missing step starts at the beginning', () => {
    expect(resolveStep(null, completeUpTo('details', 'account'))).toBe('details');
  });

  test('a step whose earlier steps are incomplete falls back to the first incomplete one', () => {
    expect(resolveStep('numbers', completeUpTo())).toBe('details');
    expect(resolveStep('numbers', completeUpTo('details'))).toBe('account');
    expect(resolveStep('numbers', completeUpTo('details', 'account'))).toBe('numbers');
    expect(resolveStep('account', completeUpTo('account'))).toBe('details');
  });

  test('going back is always possible', () => {
    expect(resolveStep('details', completeUpTo())).toBe('details');
  });

  test('the callback step needs the created account', () => {
    expect(resolveStep('callback', completeUpTo('details', 'account', 'numbers'))).toBe('numbers');
    expect(resolveStep('callback', completeUpTo())).toBe('details');
    expect(resolveStep('callback', { ...completeUpTo(), createdAccountId: 'a1' })).toBe('callback');
  });
});
