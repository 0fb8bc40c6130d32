import { describe, expect, it } from 'vitest';
import {
  approvalStatusOf,
  categoryOf,
  planTemplateSync,
  skipReasonText,
  syncedLanguage,
  syncedName,
  syncIssue,
  type SyncableTemplate,
  type TwilioContent,
} from './template-sync';

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

const SID_A = 'HXaaaa456789abcdef0123456789abcdef';
const SID_B = 'HXbbbb456789abcdef0123456789abcdef';

function content(overrides: Partial<TwilioContent> = {}): TwilioContent {
  return {
    sid: SID_A,
    friendlyName: 'order_update',
    language: 'en',
    body: 'Hi {{1}}, order {{2}} shipped.',
    variables: { '1': 'Maria', '2': '#4821' },
    approvalStatus: 'approved',
    rejectionReason: null,
    category: 'UTILITY',
    ...overrides,
  };
}

function template(overrides: Partial<SyncableTemplate> = {}): SyncableTemplate {
  return {
    id: 't1',
    name: 'order_update',
    language: 'en',
    contentSid: null,
    body: 'Hi {{1}}, order {{2}} shipped.',
    status: 'approved',
    rejectionReason: null,
    category: 'utility',
    examples: ['Maria', '#4821'],
    ...overrides,
  };
}

describe('template sync plan', () => {
  it('adds a new content with Twilio’s values and sample examples', () => {
    const plan = planTemplateSync([], [content({ friendlyName: 'Order update', variables: { '1': ' Alex ' }, category: 'TRANSACTIONAL' })]);
    expect(plan).toMatchObject({ added: 1, updated: 0, unchanged: 0, skipped: [] });
    expect(plan.steps).toEqual([
      {
        action: 'add',
        name: 'order_update',
        language: 'en',
        values: { body: 'Hi {{1}}, order {{2}} shipped.', status: 'approved', rejectionReason: null, category: 'utility', contentSid: SID_A, examples: ['Alex', 'Example 2'] },
      },
    ]);
  });

  it('updates a template matched by name and language, keeping the examples written here', () => {
    const local = template({ status: 'pending', examples: ['Sam', ''], category: 'marketing' });
    const plan = planTemplateSync([local], [content({ approvalStatus: 'rejected', category: null })]);
    expect(plan).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(plan.steps).toEqual([
      {
        action: 'update',
        template: local,
        values: {
          body: local.body,
          status: 'rejected',
          rejectionReason: 'WhatsApp rejected it without giving a reason.',
          category: 'marketing',
          contentSid: SID_A,
          examples: ['Sam', '#4821'],
        },
        changedFields: ['contentSid', 'examples', 'rejectionReason', 'status'],
      },
    ]);
  });

  it('matches by SID before name, and counts a template already in line as unchanged', () => {
    const linked = template({ id: 't2', name: 'renamed_here', contentSid: SID_A });
    const plan = planTemplateSync([template(), linked], [content()]);
    expect(plan).toMatchObject({ added: 0, updated: 0, unchanged: 1, steps: [] });
  });

  it('skips what cannot be a template here and a name already linked to another content', () => {
    const plan = planTemplateSync([template({ contentSid: SID_B })], [content({ friendlyName: 'card', body: null }), content()]);
    expect(plan.steps).toEqual([]);
    expect(plan.skipped).toEqual([
      { name: 'card', reason: skipReasonText.notText },
      { name: 'order_update', reason: skipReasonText.linkedElsewhere },
    ]);
  });

  it('matches later contents against what earlier ones added', () => {
    const plan = planTemplateSync([], [content(), content({ sid: SID_B }), content({ body: 'Hi {{1}}, order {{2}} is late.' })]);
    expect(plan).toMatchObject({ added: 1, updated: 1, skipped: [{ name: 'order_update', reason: skipReasonText.linkedElsewhere }] });
    expect(plan.steps[1]).toMatchObject({ action: 'update', template: plan.steps[0], changedFields: ['body'] });
  });

  it('leaves the templates it is given as they were', () => {
    const local = template({ status: 'pending' });
    const before = structuredClone(local);
    planTemplateSync([local], [content()]);
    expect(local).toEqual(before);
  });
});
