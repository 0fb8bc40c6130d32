import { describe, expect, it } from 'vitest';
import { approvalStatusOf, categoryOf, syncedLanguage, syncedName, syncIssue } from './template-sync';

describe('template sync mapping', () => {
  it('maps Twilio’s approval statuses to ours', () => {
    expect(['approved', 'APPROVED', 'pending', 'received', 'in_review', 'rejected', 'paused', 'disabled', 'unsubmitted', null].map(approvalStatusOf)).toEqual([
      'approved',
      'approved',
      'pending',
      'pending',
      'pending',
      'rejected',
      'rejected',
      'rejected',
      'draft',
      'draft',
    ]);
  });

  it('keeps the categories WhatsApp knows and drops the rest', () => {
    expect([categoryOf('UTILITY'), categoryOf('marketing'), categoryOf('AUTHENTICATION'), categoryOf('TRANSACTIONAL'), categoryOf('')]).toEqual([
      'utility',
      'marketing',
      'authentication',
      null,
      null,
    ]);
  });

  it('reads Twilio’s language codes as WhatsApp languages', () => {
    expect([syncedLanguage('en'), syncedLanguage('pt_BR'), syncedLanguage('pt-br'), syncedLanguage('EN_us'), syncedLanguage('fil'), syncedLanguage('tlh'), syncedLanguage('')]).toEqual([
      'en',
      'pt_BR',
      'pt_BR',
      'en_US',
      'fil',
      null,
      null,
    ]);
  });

  it('turns a friendly name into a template name', () => {
    expect(syncedName('Order update – v2!')).toBe('order_update_v2');
    expect(syncedName('already_fine')).toBe('already_fine');
    expect(syncedName('ÄÖ')).toBe('');
  });

  it('says why a content cannot become a template', () => {
    const ok = { body: 'Hi {{1}}', language: 'en', friendlyName: 'hi' };
    expect(syncIssue(ok)).toBeNull();
    expect(syncIssue({ ...ok, body: null })).toBe('notText');
    expect(syncIssue({ ...ok, language: 'tlh' })).toBe('language');
    expect(syncIssue({ ...ok, friendlyName: '!!!' })).toBe('name');
    expect(syncIssue({ ...ok, body: 'Hi {{first_name}}' })).toBe('body.malformedVariable');
    expect(syncIssue({ ...ok, body: 'Hi {{2}}' })).toBe('body.variablesNotSequential');
  });
});
