import { describe, expect, test } from 'vitest';
import { issuesInOnePass } from '@/testing/schema-issues';
import { templateCreateInputSchema } from './message-template';
import { queueCreateInputSchema } from './queue';
import { routingRulesInputSchema } from './routing-rule';
import { userCreateInputSchema } from './user';
import { accountCreateInputSchema } from './whatsapp-account';
import { whatsAppSetupInputSchema } from './whatsapp-setup';
import { workstreamUpdateInputSchema } from './workstream';

// Checks across fields run even when a field failed: a form shows every error on its first submit.
describe('every issue of an input is reported at once', () => {
  test('account: a duplicate number next to an invalid one', () => {
    const numbers = [
      { name: 'Helsinki', number: '+358 40 1234567' },
      { name: 'Helsinki again', number: '+358401234567' },
      { name: 'Broken', number: 'not a number' },
    ];
    expect(issuesInOnePass(accountCreateInputSchema, { name: '', channel: 'whatsapp', accountSid: 'AC' + '0'.repeat(32), authToken: 'a'.repeat(32), numbers })).toEqual({
      name: 'name.required',
      'numbers.1.number': 'number.duplicate',
      'numbers.2.number': 'e164.invalidCharacters',
    });
  });

  test('template: a body too long and a variable without its example', () => {
    const input = { name: 'Bad Name', language: '', category: 'utility', body: `Hi {{1}} ${'x'.repeat(1030)}`, examples: [''] };
    expect(issuesInOnePass(templateCreateInputSchema, input)).toEqual({
      name: 'templateName.invalid',
      language: 'language.required',
      body: 'body.tooLong',
      'examples.0': 'example.required',
    });
  });

  test('template: a malformed body that is also too long asks for no examples', () => {
    const input = { name: 'ok', language: 'fi', category: 'utility', body: `Hi {{x}} ${'x'.repeat(1030)}`, examples: [] };
    expect(issuesInOnePass(templateCreateInputSchema, input)).toEqual({ body: 'body.tooLong' });
  });

  test('routing rule: a condition without its variable, value and a fitting operator, with a blank name', () => {
    const rules = [
      {
        name: '',
        queueId: 'q1',
        conditions: [
          { field: 'contextVariable', variable: ' ', operator: 'equals', value: '' },
          { field: 'customerPhone', operator: 'contains', value: '' },
        ],
      },
    ];
    expect(issuesInOnePass(routingRulesInputSchema, { version: 1, rules })).toEqual({
      'rules.0.name': 'ruleName.required',
      'rules.0.conditions.0.variable': 'condition.variableRequired',
      'rules.0.conditions.0.value': 'condition.valueRequired',
      'rules.0.conditions.1.operator': 'condition.operatorMismatch',
      'rules.0.conditions.1.value': 'condition.valueRequired',
    });
  });

  test('user: a skill named twice next to a skill with no level', () => {
    const skills = [
      { name: 'Finnish', level: 3 },
      { name: 'finnish', level: 2 },
      { name: 'Billing', level: Number.NaN },
    ];
    expect(issuesInOnePass(userCreateInputSchema, { name: 'Maria', email: 'maria@contoso.com', role: 'agent', password: 'a long enough password 1', skills })).toEqual({
      'skills.1.name': 'skillName.duplicate',
      'skills.2.level': 'skillLevel.range',
    });
  });

  test('queue: overlapping and reversed periods next to a period with an unknown day', () => {
    const periods = [
      { day: 'mon', open: '09:00', close: '17:00' },
      { day: 'mon', open: '10:00', close: '12:00' },
      { day: 'someday', open: '12:00', close: '11:00' },
    ];
    expect(issuesInOnePass(queueCreateInputSchema, { name: 'Sales', type: 'messaging', priority: 5, memberIds: [], operatingHours: { timeZone: 'Europe/Helsinki', periods } })).toEqual({
      'operatingHours.periods.1.open': 'hours.overlap',
      'operatingHours.periods.2.day': 'field.invalid',
      'operatingHours.periods.2.close': 'hours.endBeforeStart',
    });
  });

  test('setup: a language twice for one message next to a message without a language', () => {
    const automatedMessages = [
      { trigger: 'greeting', language: 'fi', text: 'Hei' },
      { trigger: 'greeting', language: 'fi', text: 'Moi' },
      { trigger: 'outOfHours', language: '', text: 'Suljettu' },
    ];
    const input = { version: 1, numberId: '', language: 'fi', automatedMessages, survey: { mode: 'off' }, attachments: { customersCanSend: true, agentsCanSend: false } };
    expect(issuesInOnePass(whatsAppSetupInputSchema, input)).toEqual({
      numberId: 'number.required',
      'automatedMessages.1.language': 'messageLanguage.duplicate',
      'automatedMessages.2.language': 'language.required',
    });
  });

  test('setup: a blank language is missing, not also unsupported', () => {
    expect(issuesInOnePass(whatsAppSetupInputSchema.pick({ language: true }), { language: '' })).toEqual({ language: 'language.required' });
    expect(issuesInOnePass(whatsAppSetupInputSchema.pick({ language: true }), { language: 'xx' })).toEqual({ language: 'language.unsupported' });
  });

  test('workstream: a context variable named twice next to one of an unknown type', () => {
    const contextVariables = [
      { name: 'order', type: 'text' },
      { name: 'Order', type: 'text' },
      { name: 'amount', type: 'money' },
    ];
    const input = { version: 1, advanced: { notificationTemplate: 'messagingIncoming', contextVariables, quickReplies: [] } };
    expect(issuesInOnePass(workstreamUpdateInputSchema, input)).toEqual({
      'advanced.contextVariables.1.name': 'variableName.duplicate',
      'advanced.contextVariables.2.type': 'field.invalid',
    });
  });

  test('workstream: a quick reply with an unknown variable and a language twice, next to a blank title and an unknown language', () => {
    const quickReplies = [
      {
        title: '',
        body: 'Hi {{customerName}}, your order {{orderId}}',
        translations: [
          { language: 'fi', body: 'Hei {{customerName}}' },
          { language: 'fi', body: 'Moi' },
          { language: 'tlh', body: 'nuqneH' },
        ],
      },
    ];
    const input = { version: 1, advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies } };
    expect(issuesInOnePass(workstreamUpdateInputSchema, input)).toEqual({
      'advanced.quickReplies.0.title': 'quickReplyTitle.required',
      'advanced.quickReplies.0.body': 'quickReply.unknownVariable',
      'advanced.quickReplies.0.translations.1.language': 'quickReply.duplicateLanguage',
      'advanced.quickReplies.0.translations.2.language': 'language.invalid',
    });
  });

  test('nothing crashes on input of the wrong shape', () => {
    expect(() => issuesInOnePass(accountCreateInputSchema, { numbers: [null, 5, { number: 7 }] })).not.toThrow();
    expect(() => issuesInOnePass(routingRulesInputSchema, { version: 1, rules: [{ conditions: [null, 'x', { field: 'contextVariable', variable: 5 }] }] })).not.toThrow();
    expect(() => issuesInOnePass(userCreateInputSchema, { skills: [null, { name: 3 }] })).not.toThrow();
    expect(() => issuesInOnePass(queueCreateInputSchema, { operatingHours: { periods: [null, { open: 9 }, 'x'] } })).not.toThrow();
    expect(() => issuesInOnePass(whatsAppSetupInputSchema, { automatedMessages: [null, { language: 5 }] })).not.toThrow();
    expect(() => issuesInOnePass(workstreamUpdateInputSchema, { advanced: { contextVariables: [null, { name: 5 }] } })).not.toThrow();
    expect(() => issuesInOnePass(workstreamUpdateInputSchema, { advanced: { quickReplies: [null, { body: 5, translations: [null, { language: 3 }] }] } })).not.toThrow();
  });
});
