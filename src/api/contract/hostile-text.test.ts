import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sendMessageInputSchema } from './conversation';
import { readJsonText } from './json-body';
import { templateCreateInputSchema } from './message-template';
import { queueMemberSchema, queueNameField } from './queue';
import { routingRulesInputSchema } from './routing-rule';
import { emailField, newPasswordField, userNameField } from './session';
import { accountNameField } from './whatsapp-account';
import { numberNameField } from './whatsapp-number';
import { workstreamNameField } from './workstream';

/*
 * What the forms and both backends accept as text, for any text: a value is either kept
 * exactly (only trimmed) or refused with a code the UI words; nothing accepted can hold a
 * control character that PostgreSQL cannot store (NUL) or that shows as nothing, or half an emoji.
 */

/** Control characters, and halves of a surrogate pair (half an emoji), which PostgreSQL would store as U+FFFD. */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
const pieces = ['a', ' ', '\t', '\n', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u202e', '\u2066', 'ש', 'ج', '👩‍👩‍👧‍👦', '🇫🇮', 'e\u0301', '\ud83d', '\ude00'];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join('')),
);

const singleLineFields = [
  ['account name', accountNameField, 100, 'name'],
  ['number name', numberNameField, 64, 'numberName'],
  ['workstream name', workstreamNameField, 100, 'name'],
  ['queue name', queueNameField, 100, 'name'],
  ['user name', userNameField, 100, 'name'],
] as const;

/** Survives the request body: JSON text that both backends read back to the same value. */
function survivesTheBody(value: unknown) {
  const read = readJsonText(JSON.stringify({ value }));
  return read.ok && (read.value as { value: unknown }).value === value;
}

describe('Text fields of the contract, for any text', () => {
  test.each(singleLineFields)('%s: kept exactly (trimmed) or refused with its own code', (_, field, max, prefix) => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = field.safeParse(text);
        const trimmed = text.trim();
        if (result.success) {
          expect(result.data).toBe(trimmed);
          expect(CONTROL.test(result.data)).toBe(false);
          expect(survivesTheBody(result.data)).toBe(true);
        } else {
          const codes = result.error.issues.map((issue) => issue.message);
          const expected = trimmed === '' ? `${prefix}.required` : trimmed.length > max ? `${prefix}.tooLong` : 'text.controlCharacter';
          expect(codes[0]).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('emails and new passwords never accept a control character; emoji and other scripts are kept', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (local, password) => {
        const email = emailField.safeParse(`${local}@example.com`);
        if (email.success) expect(CONTROL.test(email.data)).toBe(false);
        const member = queueMemberSchema.safeParse({ name: 'Tuki', email: `${local}@example.com` });
        if (member.success) expect(CONTROL.test(member.data.email)).toBe(false);
        const accepted = newPasswordField.safeParse(password);
        if (accepted.success) {
          expect(accepted.data).toBe(password);
          expect(CONTROL.test(password)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(emailField.parse('דנה@דוגמה.ישראל')).toBe('דנה@דוגמה.ישראל');
    expect(newPasswordField.parse('👩‍👩‍👧‍👦 🇫🇮 שירות לקוחות')).toBe('👩‍👩‍👧‍👦 🇫🇮 שירות לקוחות');
  });

  test('texts of several lines keep line breaks and tabs exactly, and refuse the other control characters', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const reply = sendMessageInputSchema.safeParse({ kind: 'text', body: text });
        const template = templateCreateInputSchema.safeParse({ name: 'hostile', language: 'fi', category: 'utility', body: text });
        const others = CONTROL.test(text.replace(/[\t\n\r]/g, ''));
        for (const result of [reply, template]) {
          if (result.success) {
            expect(others).toBe(false);
            expect(result.data).toMatchObject({ body: text });
            expect(survivesTheBody(text)).toBe(true);
          } else if (others) {
            expect(result.error.issues.some((issue) => issue.message === 'text.controlCharacter' && issue.path[0] === 'body')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('routing rule names and condition values: a control character is refused on that field', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const rule = { name: text, conditions: [{ field: 'firstMessage', operator: 'contains', value: text }], queueId: 'q' };
        const result = routingRulesInputSchema.safeParse({ version: 1, rules: [rule] });
        if (result.success) {
          expect(result.data.rules[0]).toMatchObject({ name: text.trim(), conditions: [{ value: text.trim() }] });
          expect(CONTROL.test(text.trim())).toBe(false);
        } else if (CONTROL.test(text.trim()) && text.trim().length <= 100) {
          const paths = result.error.issues.filter((issue) => issue.message === 'text.controlCharacter').map((issue) => issue.path.join('.'));
          expect(paths).toEqual(['rules.0.name', 'rules.0.conditions.0.value']);
        }
      }),
      { numRuns: 300 },
    );
  });
});
