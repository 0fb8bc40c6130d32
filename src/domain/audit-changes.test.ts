import { describe, expect, test } from 'vitest';
import { changedFields, rulesForAudit, sameValue, templateAuditName } from './audit-changes';

describe('changedFields', () => {
  const queue = {
    name: 'Billing',
    priority: 5,
    members: [{ name: 'Aino', email: 'aino@contoso.example' }],
    operatingHours: { timeZone: 'Europe/Helsinki', periods: [{ day: 'mon', open: '08:00', close: '17:00' }] },
  };

  test('lists the sent fields whose value differs, sorted', () => {
    expect(changedFields(queue, { version: 3, priority: 1, name: 'Invoices' })).toEqual(['name', 'priority']);
  });

  test('a field sent with the stored value is not a change; an update of only such fields changes nothing', () => {
    expect(changedFields(queue, { version: 3, name: 'Billing', priority: 5 })).toEqual([]);
  });

  test('never lists version, even when it is the only thing sent', () => {
    expect(changedFields(queue, { version: 3 })).toEqual([]);
  });

  test('fields left out, or sent as undefined, are not changes', () => {
    expect(changedFields(queue, { version: 1, name: undefined })).toEqual([]);
  });

  test('compares nested values by content: object keys in any order, lists in order', () => {
    const sameHours = { periods: [{ close: '17:00', open: '08:00', day: 'mon' }], timeZone: 'Europe/Helsinki' };
    expect(changedFields(queue, { operatingHours: sameHours, members: [{ email: 'aino@contoso.example', name: 'Aino' }] })).toEqual([]);

    const reordered = [
      { name: 'Sam', email: 'sam@contoso.example' },
      { name: 'Aino', email: 'aino@contoso.example' },
    ];
    const withSam = { ...queue, members: [...reordered].reverse() };
    expect(changedFields(withSam, { members: reordered })).toEqual(['members']);
  });

  test('null replacing a value, and a value replacing null, are changes', () => {
    expect(changedFields(queue, { operatingHours: null })).toEqual(['operatingHours']);
    expect(changedFields({ ...queue, operatingHours: null }, { operatingHours: queue.operatingHours })).toEqual(['operatingHours']);
    expect(changedFields({ bot: null }, { bot: null })).toEqual([]);
  });

  test('a secret is listed whenever it is sent, whether or not it differs, and its value is not returned', () => {
    const account = { name: 'Contoso', accountSid: 'AC1', authToken: 'same' };
    const changes = changedFields(account, { version: 1, name: 'Contoso', authToken: 'same' });
    expect(changes).toEqual(['authToken']);
    expect(JSON.stringify(changes)).not.toContain('same');
    expect(changedFields({ name: 'Aino', role: 'agent' }, { password: 'correct horse battery', role: 'admin' })).toEqual(['password', 'role']);
  });

  test('the caller may name other secrets', () => {
    expect(changedFields({ pin: '1234' }, { pin: '1234' }, ['pin'])).toEqual(['pin']);
    expect(changedFields({ authToken: 'x' }, { authToken: 'x' }, [])).toEqual([]);
  });

  test('sorts by code unit, as both backends can', () => {
    expect(changedFields({}, { survey: 1, attachments: 1, automatedMessages: 1, language: 1, numberId: 1 })).toEqual([
      'attachments',
      'automatedMessages',
      'language',
      'numberId',
      'survey',
    ]);
  });
});

describe('sameValue', () => {
  test('primitives by identity, with no coercion', () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
    expect(sameValue(false, 0)).toBe(false);
  });

  test('a list is never the same as an object with index keys', () => {
    expect(sameValue(['a'], { 0: 'a' })).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
  });

  test('objects differ by an extra key, but not by a key whose value is undefined', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});

describe('names and shapes the audit log uses', () => {
  test('a template is its name with the language in brackets', () => {
    expect(templateAuditName({ name: 'order_update', language: 'fi' })).toBe('order_update (fi)');
  });

  test('routing rules compare with their ids, so only a different list is a change', () => {
    const rule = { id: 'r1', name: 'Finnish', conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358' }], queueId: 'q1' };
    const withView = { ...rule, queueName: 'Finland' };
    expect(changedFields(rulesForAudit([rule]), rulesForAudit([withView]))).toEqual([]);
    expect(changedFields(rulesForAudit([rule]), rulesForAudit([{ ...rule, id: 'r2' }]))).toEqual(['rules']);
    expect(changedFields(rulesForAudit([rule]), rulesForAudit([{ ...rule, queueId: 'q2' }]))).toEqual(['rules']);
    expect(changedFields(rulesForAudit([rule, { ...rule, id: 'r2' }]), rulesForAudit([{ ...rule, id: 'r2' }, rule]))).toEqual(['rules']);
    expect(changedFields(rulesForAudit([]), rulesForAudit([]))).toEqual([]);
    expect(changedFields(rulesForAudit([rule]), rulesForAudit([{ ...rule, requiredSkills: [] }]))).toEqual([]);
    expect(changedFields(rulesForAudit([rule]), rulesForAudit([{ ...rule, requiredSkills: [{ name: 'Finnish', level: 3 }] }]))).toEqual(['rules']);
  });
});
