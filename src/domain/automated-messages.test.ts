import { describe, expect, it } from 'vitest';
import { agentAssignedText, automatedMessageFor } from './automated-messages';

describe('automatedMessageFor', () => {
  const configured = [
    { trigger: 'greeting', language: 'en', text: 'Hello' },
    { trigger: 'agentAssigned', language: 'en', text: 'You are talking to {{agent}}.' },
    { trigger: 'agentAssigned', language: 'fi', text: 'Sinua palvelee {{agent}}.' },
  ] as const;

  it('takes the language of the conversation, else the first of the trigger', () => {
    expect(automatedMessageFor(configured, 'agentAssigned', 'fi')).toBe('Sinua palvelee {{agent}}.');
    expect(automatedMessageFor(configured, 'agentAssigned', 'sv')).toBe('You are talking to {{agent}}.');
    expect(automatedMessageFor(configured, 'outOfHours', 'en')).toBeNull();
  });

  it('puts the agent’s name in every {{agent}}', () => {
    expect(agentAssignedText('{{agent}} here. Ask {{agent}} anything.', 'Eero')).toBe('Eero here. Ask Eero anything.');
  });
});
