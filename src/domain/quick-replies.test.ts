import { describe, expect, it, test } from 'vitest';
import { fillQuickReply, quickReplyBody, quickRepliesToStore, quickReplyVariables, searchQuickReplies, unknownQuickReplyVariables } from './quick-replies';

describe('quickReplyVariables', () => {
  test('names each variable once, in order, with or without spaces inside the braces', () => {
    expect(quickReplyVariables('Hi {{customerName}}, {{ agent }} here about {{topic}}. Bye {{customerName}}!')).toEqual(['customerName', 'agent', 'topic']);
  });

  test('ignores what is not a variable', () => {
    expect(quickReplyVariables('{{}} {{1st}} {customerName} {{first name}} {{order-id}}')).toEqual([]);
  });
});

describe('unknownQuickReplyVariables', () => {
  test('the built-in ones and the workstream\'s context variables are known, without regard to case', () => {
    expect(unknownQuickReplyVariables('{{CustomerName}} {{agent}} {{QUEUE}} {{topic}}', ['Topic'])).toEqual([]);
  });

  test('others are listed', () => {
    expect(unknownQuickReplyVariables('{{customerName}} {{orderId}} {{topic}}', [])).toEqual(['orderId', 'topic']);
  });
});

describe('quickReplyBody', () => {
  const reply = { body: 'Hello {{customerName}}', translations: [{ language: 'fi' as const, body: 'Hei {{customerName}}' }] };

  test('the translation for the conversation\'s language', () => {
    expect(quickReplyBody(reply, 'fi')).toBe('Hei {{customerName}}');
  });

  test('the default text for a language without a translation, even a close one', () => {
    expect(quickReplyBody(reply, 'sv')).toBe('Hello {{customerName}}');
    expect(quickReplyBody(reply, 'en_GB')).toBe('Hello {{customerName}}');
  });
});

describe('fillQuickReply', () => {
  test('fills every occurrence, matching names without regard to case', () => {
    expect(fillQuickReply('Hi {{customerName}}, I am {{ Agent }} from {{queue}}. {{CUSTOMERNAME}}?', { customerName: 'Maija', agent: 'Aino', queue: 'Billing' })).toBe(
      'Hi Maija, I am Aino from Billing. Maija?',
    );
  });

  test('leaves a variable without a value as written, so the agent sees what is missing', () => {
    expect(fillQuickReply('About {{topic}} and {{orderId}}, {{customerName}}', { topic: null, orderId: '', customerName: 'Maija' })).toBe(
      'About {{topic}} and {{orderId}}, Maija',
    );
  });

  test('takes values literally: a value that looks like a variable or a replacement pattern is not expanded again', () => {
    expect(fillQuickReply('{{customerName}} {{agent}}', { customerName: '{{agent}}', agent: '$& $1' })).toBe('{{agent}} $& $1');
  });
});

describe('searchQuickReplies', () => {
  const replies = [
    { id: 'a', title: 'Greeting', body: 'Hello {{customerName}}, how can I help?' },
    { id: 'b', title: 'Invoice copy', body: 'I sent a copy of your invoice.' },
    { id: 'c', title: 'Refund', body: 'Your refund for the invoice is on its way.' },
  ];

  test('an empty query lists all, in order', () => {
    expect(searchQuickReplies(replies, '  ').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  test('every word must be in the title or the text, in any case and order', () => {
    expect(searchQuickReplies(replies, 'INVOICE').map((r) => r.id)).toEqual(['b', 'c']);
    expect(searchQuickReplies(replies, 'invoice refund').map((r) => r.id)).toEqual(['c']);
    expect(searchQuickReplies(replies, 'way   refund').map((r) => r.id)).toEqual(['c']);
    expect(searchQuickReplies(replies, 'hello invoice')).toEqual([]);
  });
});

describe('quickRepliesToStore', () => {
  const ids = () => {
    let n = 0;
    return () => `new-${++n}`;
  };
  const reply = (id?: string) => ({ id, title: 'T', body: 'B', translations: [] });

  it('keeps the id of an edited reply and gives every other one a new id', () => {
    const stored = [{ id: 'a' }, { id: 'b' }];
    expect(quickRepliesToStore([reply('A'), reply(), reply('zzz'), reply('a')], stored, ids()).map((r) => r.id)).toEqual(['a', 'new-1', 'new-2', 'new-3']);
  });
});
