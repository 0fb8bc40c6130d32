import { describe, expect, it, test } from 'vitest';
import {
  droppedVariablesInUse,
  evaluateRoutingRules,
  foldRoutingText,
  normalizeRoutingPhone,
  routeConversation,
  type ConditionField,
  type ConditionOperator,
  type IncomingConversation,
  type RoutingCondition,
  type RoutingRule,
} from './routing-rules';

const condition = (field: ConditionField, operator: ConditionOperator, value: string): RoutingCondition => ({ field, operator, value });
const phone = (operator: ConditionOperator, value: string) => condition('customerPhone', operator, value);
const message = (operator: ConditionOperator, value: string) => condition('firstMessage', operator, value);

let serial = 0;
function rule(name: string, conditions: RoutingCondition[], queueId = `queue-${name}`): RoutingRule {
  return { id: `rule-${++serial}`, name, conditions, queueId };
}

const conversation = (customerPhone: string, firstMessage = ''): IncomingConversation => ({ customerPhone, firstMessage });

/** The name of the rule a conversation matches, or null. */
function matched(rules: readonly RoutingRule[], incoming: IncomingConversation): string | null {
  return evaluateRoutingRules(rules, incoming)?.rule.name ?? null;
}

const holds = (c: RoutingCondition, incoming: IncomingConversation) => matched([rule('only', [c])], incoming) === 'only';

describe('normalizeRoutingPhone', () => {
  test.each([
    ['E.164 already', '+358401234567', '+358401234567'],
    ['as Twilio sends it', 'whatsapp:+358401234567', '+358401234567'],
    ['a capitalised prefix and a space', 'WhatsApp: +358 40 123 4567', '+358401234567'],
    ['dashes, dots and brackets', '+1 (415) 523-88.86', '+14155238886'],
    ['pasted with no-break and zero-width spaces', '\u00A0+358\u200B40\u00A01234567\n', '+358401234567'],
    ['empty', '', ''],
  ])('%s', (_label, raw, expected) => {
    expect(normalizeRoutingPhone(raw)).toBe(expected);
  });
});

describe('foldRoutingText', () => {
  test('ignores case, also outside ASCII', () => {
    expect(foldRoutingText('ÄÖÅ Invoice')).toBe(foldRoutingText('äöå invoice'));
    expect(foldRoutingText('STRASSE')).toBe(foldRoutingText('straße'));
    expect(foldRoutingText('ΟΔΟΣ')).toBe(foldRoutingText('οδοσ'));
  });

  test('composes decomposed letters (NFC) and trims', () => {
    expect(foldRoutingText('  La\u0308hetys \n')).toBe('lähetys');
  });
});

describe('evaluateRoutingRules', () => {
  describe('customer phone number', () => {
    test('starts with a prefix, however the number or prefix is written', () => {
      expect(holds(phone('startsWith', '+358'), conversation('+358401234567'))).toBe(true);
      expect(holds(phone('startsWith', '+358'), conversation('whatsapp:+358401234567'))).toBe(true);
      expect(holds(phone('startsWith', '+358 40'), conversation('whatsapp:+358 40 123 4567'))).toBe(true);
      expect(holds(phone('startsWith', 'whatsapp:+1'), conversation('+1 (415) 523-8886'))).toBe(true);
    });

    test('a prefix compares digit by digit from the start', () => {
      expect(holds(phone('startsWith', '+358'), conversation('+46701234567'))).toBe(false);
      expect(holds(phone('startsWith', '+35'), conversation('+358401234567'))).toBe(true);
      expect(holds(phone('startsWith', '+3584'), conversation('+358501234567'))).toBe(false);
      // "+1" is not somewhere inside: a Finnish number with a 1 in it is not American.
      expect(holds(phone('startsWith', '+1'), conversation('+358101234567'))).toBe(false);
    });

    test('equals the whole number only', () => {
      expect(holds(phone('equals', '+14155238886'), conversation('whatsapp:+14155238886'))).toBe(true);
      expect(holds(phone('equals', '+1 415 523 8886'), conversation('+14155238886'))).toBe(true);
      expect(holds(phone('equals', '+1415523888'), conversation('+14155238886'))).toBe(false);
      expect(holds(phone('equals', '+141552388860'), conversation('+14155238886'))).toBe(false);
    });

    test('an empty number matches no phone condition', () => {
      expect(holds(phone('startsWith', '+'), conversation(''))).toBe(false);
      expect(holds(phone('equals', '+358401234567'), conversation(''))).toBe(false);
    });
  });

  describe('first message', () => {
    test('contains a word, in any case', () => {
      expect(holds(message('contains', 'invoice'), conversation('+1', 'Question about my INVOICE please'))).toBe(true);
      expect(holds(message('contains', 'Invoice'), conversation('+1', 'my invoices are wrong'))).toBe(true);
      expect(holds(message('contains', 'invoice'), conversation('+1', 'Where is my order?'))).toBe(false);
    });

    test('Finnish letters match whatever their case or Unicode spelling', () => {
      expect(holds(message('contains', 'lasku'), conversation('+1', 'LASKU on väärin'))).toBe(true);
      expect(holds(message('contains', 'väärin'), conversation('+1', 'Lasku on VÄÄRIN'))).toBe(true);
      expect(holds(message('contains', 'Ä'), conversation('+1', 'ä'))).toBe(true);
      // "ä" typed as "a" + combining diaeresis (as some keyboards and macOS file names do).
      expect(holds(message('contains', 'väärin'), conversation('+1', 'va\u0308a\u0308rin'))).toBe(true);
      expect(holds(message('contains', 'va\u0308a\u0308rin'), conversation('+1', 'VÄÄRIN'))).toBe(true);
      // A letter with dots is not the same letter without them.
      expect(holds(message('contains', 'vaarin'), conversation('+1', 'väärin'))).toBe(false);
    });

    test('emoji are matched as they are', () => {
      expect(holds(message('contains', '🧾'), conversation('+1', 'Hi 👋 my 🧾 is wrong'))).toBe(true);
      expect(holds(message('equals', '👍'), conversation('+1', ' 👍 '))).toBe(true);
      expect(holds(message('contains', '👍🏽'), conversation('+1', 'ok 👍'))).toBe(false);
    });

    test('equals the whole message, trimmed and in any case', () => {
      expect(holds(message('equals', 'Hello'), conversation('+1', '  hello \n'))).toBe(true);
      expect(holds(message('equals', ' START '), conversation('+1', 'start'))).toBe(true);
      expect(holds(message('equals', 'hello'), conversation('+1', 'hello there'))).toBe(false);
    });

    test('an empty first message (a photo, a location) matches no message condition', () => {
      expect(holds(message('contains', 'invoice'), conversation('+1', ''))).toBe(false);
      expect(holds(message('equals', 'hello'), conversation('+1', '   '))).toBe(false);
    });
  });

  describe('context variable', () => {
    const variable = (name: string | undefined, operator: ConditionOperator, value: string): RoutingCondition => ({ field: 'contextVariable', variable: name, operator, value });
    const handedOver = (contextVariables: Record<string, string>, firstMessage = 'Hello'): IncomingConversation => ({ customerPhone: '+358401234567', firstMessage, contextVariables });

    test('equals the value the bot set, without regard to case, Unicode spelling or the name\'s case', () => {
      expect(holds(variable('topic', 'equals', 'billing'), handedOver({ topic: 'billing' }))).toBe(true);
      expect(holds(variable('topic', 'equals', ' Billing '), handedOver({ topic: 'BILLING' }))).toBe(true);
      expect(holds(variable('Topic', 'equals', 'billing'), handedOver({ topic: 'billing' }))).toBe(true);
      expect(holds(variable('topic', 'equals', 'billing'), handedOver({ TOPIC: 'billing' }))).toBe(true);
      expect(holds(variable('aihe', 'equals', 'lähetys'), handedOver({ aihe: 'La\u0308hetys' }))).toBe(true);
      expect(holds(variable('topic', 'equals', 'billing'), handedOver({ topic: 'billing issue' }))).toBe(false);
    });

    test('contains words of the value', () => {
      expect(holds(variable('summary', 'contains', 'refund'), handedOver({ summary: 'Wants a REFUND for order 12' }))).toBe(true);
      expect(holds(variable('summary', 'contains', 'refund'), handedOver({ summary: 'Order status' }))).toBe(false);
    });

    test('looks at the named variable only, not at another variable or the first message', () => {
      expect(holds(variable('topic', 'equals', 'billing'), handedOver({ language: 'billing' }, 'billing'))).toBe(false);
    });

    test('a variable that is not set matches nothing, not even "contains" an empty-looking value', () => {
      expect(holds(variable('topic', 'equals', 'billing'), handedOver({}))).toBe(false);
      expect(holds(variable('topic', 'contains', 'a'), conversation('+358401234567', 'a'))).toBe(false);
    });

    test('without a variable name, or with an operator of another field, it never matches', () => {
      expect(holds(variable(undefined, 'equals', 'billing'), handedOver({ topic: 'billing' }))).toBe(false);
      expect(holds(variable('topic', 'startsWith', 'bill'), handedOver({ topic: 'billing' }))).toBe(false);
    });

    test('combines with the other fields in a rule (AND), and routes a handed-over conversation', () => {
      const finnishBilling = rule('Finnish billing', [phone('startsWith', '+358'), variable('topic', 'equals', 'billing')], 'queue-billing');
      expect(matched([finnishBilling], handedOver({ topic: 'billing' }))).toBe('Finnish billing');
      expect(matched([finnishBilling], { ...handedOver({ topic: 'billing' }), customerPhone: '+46701234567' })).toBeNull();
      expect(routeConversation([finnishBilling], 'queue-fallback', handedOver({ topic: 'orders' }))).toEqual({ queueId: 'queue-fallback', rule: null });
      expect(routeConversation([finnishBilling], 'queue-fallback', handedOver({ topic: 'billing' })).queueId).toBe('queue-billing');
    });
  });

  describe('conditions that cannot be saved never match', () => {
    test('an empty or blank value', () => {
      expect(holds(message('contains', ''), conversation('+1', 'anything'))).toBe(false);
      expect(holds(message('contains', '   '), conversation('+1', 'anything'))).toBe(false);
      expect(holds(phone('startsWith', ' '), conversation('+358401234567'))).toBe(false);
    });

    test('an operator that does not fit the field', () => {
      expect(holds(phone('contains', '40'), conversation('+358401234567'))).toBe(false);
      expect(holds(message('startsWith', 'hello'), conversation('+1', 'hello there'))).toBe(false);
    });

    test('a rule with no conditions', () => {
      expect(matched([rule('empty', [])], conversation('+358401234567', 'hello'))).toBeNull();
    });
  });

  describe('rules', () => {
    test('no rules: nothing matches', () => {
      expect(evaluateRoutingRules([], conversation('+358401234567', 'invoice'))).toBeNull();
    });

    test('every condition of a rule must hold (AND)', () => {
      const finnishInvoices = rule('Finnish invoices', [phone('startsWith', '+358'), message('contains', 'lasku')]);
      expect(matched([finnishInvoices], conversation('+358401234567', 'Lasku?'))).toBe('Finnish invoices');
      expect(matched([finnishInvoices], conversation('+46701234567', 'Lasku?'))).toBeNull();
      expect(matched([finnishInvoices], conversation('+358401234567', 'Hei'))).toBeNull();
    });

    test('a rule with several conditions on the same field', () => {
      const both = rule('Both words', [message('contains', 'invoice'), message('contains', 'refund'), phone('startsWith', '+4')]);
      expect(matched([both], conversation('+46701234567', 'Refund for invoice 12'))).toBe('Both words');
      expect(matched([both], conversation('+46701234567', 'Refund please'))).toBeNull();
    });

    test('the first matching rule wins, and its index is given', () => {
      const rules = [
        rule('Finnish numbers', [phone('startsWith', '+358')]),
        rule('Invoices', [message('contains', 'invoice')]),
        rule('Also Finnish', [phone('startsWith', '+3584')]),
      ];
      const match = evaluateRoutingRules(rules, conversation('+358401234567', 'My invoice'));
      expect(match).toEqual({ rule: rules[0], index: 0 });
      expect(evaluateRoutingRules(rules, conversation('+46701234567', 'My invoice'))).toEqual({ rule: rules[1], index: 1 });
    });

    test('order decides: the same rules reversed route differently', () => {
      const finnish = rule('Finnish numbers', [phone('startsWith', '+358')]);
      const invoices = rule('Invoices', [message('contains', 'invoice')]);
      const incoming = conversation('whatsapp:+358401234567', 'invoice');
      expect(matched([finnish, invoices], incoming)).toBe('Finnish numbers');
      expect(matched([invoices, finnish], incoming)).toBe('Invoices');
    });

    test('works on rules of any shape that has conditions (unsaved rules in the editor have no id)', () => {
      const unsaved = [{ key: 'draft', conditions: [message('contains', 'hi')] }];
      expect(evaluateRoutingRules(unsaved, conversation('+1', 'Hi!'))?.rule.key).toBe('draft');
    });

    test('100 rules of 10 conditions each are evaluated well under a millisecond', () => {
      const rules = Array.from({ length: 100 }, (_, i) =>
        rule(`Rule ${i}`, [
          ...Array.from({ length: 9 }, (_, j) => message('contains', `wörd ${j}`)),
          phone('startsWith', `+${i + 1}`),
        ]),
      );
      const incoming = conversation('whatsapp:+999 1234', 'WÖRD 0 wörd 1 word 2');
      for (let i = 0; i < 50; i += 1) evaluateRoutingRules(rules, incoming); // warm up the JIT
      const runs = 200;
      const started = performance.now();
      for (let i = 0; i < runs; i += 1) evaluateRoutingRules(rules, incoming);
      expect((performance.now() - started) / runs).toBeLessThan(1);
    });
  });
});

describe('routeConversation', () => {
  const rules = [
    rule('Finnish numbers', [phone('startsWith', '+358')], 'finnish'),
    rule('Invoices and payments', [message('contains', 'invoice')], 'billing'),
  ];

  test('a matching rule sends the conversation to its queue', () => {
    expect(routeConversation(rules, 'general', conversation('whatsapp:+358401234567', 'Hei'))).toEqual({ queueId: 'finnish', rule: rules[0] });
    expect(routeConversation(rules, 'general', conversation('+447700900123', 'Invoice 42'))).toEqual({ queueId: 'billing', rule: rules[1] });
  });

  test('anything else goes to the fallback queue', () => {
    expect(routeConversation(rules, 'general', conversation('+447700900123', 'Hello'))).toEqual({ queueId: 'general', rule: null });
    expect(routeConversation([], 'general', conversation('+358401234567', 'invoice'))).toEqual({ queueId: 'general', rule: null });
  });
});

describe('droppedVariablesInUse', () => {
  const conditions = [{ field: 'contextVariable' as const, variable: 'Topic', operator: 'equals' as const, value: 'billing' }];
  it('names the stored places of variables a rule compares that the new list drops, without regard to case', () => {
    const stored = [{ name: 'orderNumber' }, { name: 'topic' }];
    expect(droppedVariablesInUse(stored, [{ name: 'orderNumber' }], conditions)).toEqual([1]);
    expect(droppedVariablesInUse(stored, [{ name: 'TOPIC' }], conditions)).toEqual([]);
    expect(droppedVariablesInUse(stored, [], [])).toEqual([]);
  });
});
