import { describe, expect, test } from 'vitest';
import { draftFromSetup, hasChanges, messageFormPaths, toSetupInput, withPrimaryLanguage, type SetupDraft } from './setup-draft';
import { resolveStep } from '@/components/wizard/wizard-steps';
import { setupSteps } from './setup-wizard-steps';
import { formFieldOf } from './step-schemas';

const draft = (choices: Partial<SetupDraft> = {}): SetupDraft => ({ ...draftFromSetup(null, 3), ...choices });

describe('resolveStep', () => {
  test('a step is reachable only when every earlier step is complete', () => {
    expect(resolveStep(setupSteps, 'summary', (step) => step !== 'language')).toBe('language');
    expect(resolveStep(setupSteps, 'summary', () => true)).toBe('summary');
    expect(resolveStep(setupSteps, null, () => false)).toBe('number');
    expect(resolveStep(setupSteps, 'number', () => false)).toBe('number');
  });
});

describe('the draft', () => {
  const messages = {
    greeting: { enabled: true, texts: [{ language: 'en', text: 'Hi' }, { language: 'fi', text: 'Hei' }] },
    agentAssigned: { enabled: false, texts: [{ language: 'fi', text: 'Kept' }] },
    outOfHours: { enabled: true, texts: [{ language: 'fi', text: '' }, { language: 'sv', text: 'Stängt' }] },
  };

  test('the channel language comes first; a blank text of an earlier language goes', () => {
    const result = withPrimaryLanguage(messages, 'sv');
    expect(result.greeting.texts.map((r) => r.language)).toEqual(['sv', 'en', 'fi']);
    expect(result.outOfHours.texts).toEqual([{ language: 'sv', text: 'Stängt' }]);
    expect(result.agentAssigned.texts.map((r) => r.language)).toEqual(['sv', 'fi']);
  });

  test('Finish sends the texts of messages that are on, and the survey of its mode', () => {
    const input = toSetupInput(draft({ numberId: 'n1', language: 'fi', messages, survey: { mode: 'text', url: 'https://x.example', text: 'Rate us' } }));
    expect(input).toEqual({
      version: 3,
      numberId: 'n1',
      language: 'fi',
      automatedMessages: [
        { trigger: 'greeting', language: 'en', text: 'Hi' },
        { trigger: 'greeting', language: 'fi', text: 'Hei' },
        { trigger: 'outOfHours', language: 'fi', text: '' },
        { trigger: 'outOfHours', language: 'sv', text: 'Stängt' },
      ],
      survey: { mode: 'text', text: 'Rate us' },
      attachments: { customersCanSend: false, agentsCanSend: false },
    });
  });

  test('a server error on a message finds its way back to the field', () => {
    const paths = messageFormPaths(draft({ messages }));
    expect(formFieldOf('automatedMessages.3.text', paths)).toEqual({ step: 'behaviors', path: 'messages.outOfHours.texts.1.text' });
    expect(formFieldOf('automatedMessages.1.language', paths)).toEqual({ step: 'behaviors', path: 'messages.greeting.texts.1.language' });
    expect(formFieldOf('numberId', paths)).toEqual({ step: 'number', path: 'numberId' });
    expect(formFieldOf('survey.url', paths)).toEqual({ step: 'behaviors', path: 'survey.url' });
    expect(formFieldOf('attachments.agentsCanSend', paths)).toEqual({ step: 'features', path: 'attachments.agentsCanSend' });
    expect(formFieldOf('version', paths)).toBeNull();
  });

  test('blank texts the wizard adds by itself are no change', () => {
    const initial = draft();
    expect(hasChanges(draft({ messages: withPrimaryLanguage(initial.messages, '') }), initial)).toBe(false);
    expect(hasChanges(draft({ numberId: 'n1' }), initial)).toBe(true);
  });
});
