import { describe, expect, test } from 'vitest';
import { isStepId, previousStepId, resolveStep, stepIds } from '@/components/wizard/wizard-steps';
import { wizardSteps, type WizardStep } from './wizard-steps';

const completeUpTo =
  (...done: WizardStep[]) =>
  (step: WizardStep) =>
    done.includes(step);

describe('wizard steps', () => {
  test('are ordered and walk backwards', () => {
    expect(stepIds(wizardSteps)).toEqual(['details', 'account', 'numbers', 'callback']);
    expect(previousStepId(wizardSteps, 'numbers')).toBe('account');
    expect(previousStepId(wizardSteps, 'details')).toBeNull();
  });

  test('recognise only known step ids', () => {
    expect(isStepId(wizardSteps, 'numbers')).toBe(true);
    expect(isStepId(wizardSteps, 'summary')).toBe(false);
    expect(isStepId(wizardSteps, null)).toBe(false);
  });

  test('a missing step starts at the beginning', () => {
    expect(resolveStep(wizardSteps, null, completeUpTo('details', 'account'))).toBe('details');
  });

  test('a step whose earlier steps are incomplete falls back to the first incomplete one', () => {
    expect(resolveStep(wizardSteps, 'numbers', completeUpTo())).toBe('details');
    expect(resolveStep(wizardSteps, 'numbers', completeUpTo('details'))).toBe('account');
    expect(resolveStep(wizardSteps, 'numbers', completeUpTo('details', 'account'))).toBe('numbers');
    expect(resolveStep(wizardSteps, 'account', completeUpTo('account'))).toBe('details');
  });

  test('going back is always possible', () => {
    expect(resolveStep(wizardSteps, 'details', completeUpTo())).toBe('details');
  });

  test('the callback step cannot be opened from the URL alone: the wizard locks it once the account exists', () => {
    expect(resolveStep(wizardSteps, 'callback', completeUpTo('details', 'account', 'numbers'))).toBe('numbers');
    expect(resolveStep(wizardSteps, 'callback', completeUpTo())).toBe('details');
  });
});
