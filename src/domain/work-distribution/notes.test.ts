import { describe, expect, it } from 'vitest';
import { noteCodes, noteSentence } from './notes';

describe('noteSentence', () => {
  it('names who and where for every note code', () => {
    const params = { agent: 'Eero Agent', queue: 'Billing', by: 'Aino Admin', bot: 'Menu bot', reason: 'timeout', detail: '' };
    for (const code of noteCodes) expect(noteSentence(code, params)).not.toMatch(/undefined/);
    expect(noteSentence('transferredToQueue', params)).toBe('Aino Admin transferred the conversation to Billing.');
    expect(noteSentence('agentAssignedSkipped', params)).toContain('Eero Agent');
    expect(noteSentence('botHandedOver', params)).toBe('Menu bot handed the conversation to agents in Billing: the bot did not answer within 5 seconds.');
    expect(noteSentence('botHandedOver', { ...params, reason: 'requested', detail: 'The customer chose “billing”.' })).toBe(
      'Menu bot handed the conversation to agents in Billing: the bot asked for an agent (The customer chose “billing”.).',
    );
  });
});
