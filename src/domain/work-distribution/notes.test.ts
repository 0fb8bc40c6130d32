import { describe, expect, it } from 'vitest';
import { noteCodes, noteSentence } from './notes';

describe('noteSentence', () => {
  it('names who and where for every note code', () => {
    const params = { agent: 'Eero Agent', queue: 'Billing', by: 'Aino Admin' };
    for (const code of noteCodes) expect(noteSentence(code, params)).not.toMatch(/undefined/);
    expect(noteSentence('transferredToQueue', params)).toBe('Aino Admin transferred the conversation to Billing.');
    expect(noteSentence('agentAssignedSkipped', params)).toContain('Eero Agent');
  });
});
