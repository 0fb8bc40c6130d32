import { describe, expect, test } from 'vitest';
import type { MessageTemplate } from '@/api/contract/message-template';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import { groupTemplates } from './template-groups';

let serial = 0;
function template(name: string, language: WhatsAppLanguage): MessageTemplate {
  serial += 1;
  return {
    id: `t${serial}`,
    accountId: 'a1',
    name,
    language,
    category: 'utility',
    body: 'Hi',
    examples: [],
    contentSid: null,
    status: 'draft',
    rejectionReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

const summary = (groups: ReturnType<typeof groupTemplates>) =>
  groups.map((g) => `${g.name}: ${g.variants.map((v) => v.language).join(',')} missing ${g.missing.join(',') || '-'}`);

describe('groupTemplates', () => {
  test('no templates, no groups', () => {
    expect(groupTemplates([])).toEqual([]);
  });

  test('groups the variants of a name and names the languages the account uses elsewhere', () => {
    const groups = groupTemplates([
      template('spring_offer', 'en'),
      template('order_update', 'fi'),
      template('follow_up', 'en'),
      template('order_update', 'en'),
    ]);
    expect(summary(groups)).toEqual(['follow_up: en missing fi', 'order_update: en,fi missing -', 'spring_offer: en missing fi']);
  });

  test('a single language everywhere misses nothing', () => {
    expect(summary(groupTemplates([template('a', 'en'), template('b', 'en')]))).toEqual(['a: en missing -', 'b: en missing -']);
  });

  test('missing languages in code order, regional variants counted as their own languages', () => {
    const groups = groupTemplates([template('a', 'sv'), template('b', 'en_GB'), template('b', 'en'), template('c', 'fi')]);
    expect(summary(groups)).toEqual([
      'a: sv missing en,en_GB,fi',
      'b: en,en_GB missing fi,sv',
      'c: fi missing en,en_GB,sv',
    ]);
  });
});
