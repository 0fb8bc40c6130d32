import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authTokenField } from './fields';
import { toFieldErrors } from './validation-issues';

const schema = z.strictObject({
  name: z.string({ error: 'field.invalid' }),
  mode: z.enum(['push', 'pick'], { error: 'field.invalid' }),
  capacity: z.number(),
  owner: z.strictObject({ email: z.string() }),
  numbers: z.array(z.strictObject({ number: z.string() })),
  accountSid: z.string({ error: 'accountSid.required' }),
  channel: z.literal('whatsapp', { error: 'channel.unsupported' }),
  note: z.string().optional(),
});

function codesOf(input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return Object.fromEntries(toFieldErrors(parsed.error, input).map((e) => [e.path, e.code]));
}

const valid = { name: 'A', mode: 'push', capacity: 1, owner: { email: 'a@b.fi' }, numbers: [{ number: '+358' }], accountSid: 'AC1', channel: 'whatsapp' };

describe('toFieldErrors', () => {
  it('says a missing field is required, keeping a schema’s own code for that but not one for a wrong value', () => {
    expect(codesOf({})).toEqual({
      name: 'field.required',
      mode: 'field.required',
      capacity: 'field.required',
      owner: 'field.required',
      numbers: 'field.required',
      accountSid: 'accountSid.required',
      channel: 'field.required',
    });
  });

  it('finds missing fields inside objects and lists', () => {
    expect(codesOf({ ...valid, owner: {}, numbers: [{ number: '+358' }, {}] })).toEqual({
      'owner.email': 'field.required',
      'numbers.1.number': 'field.required',
    });
  });

  it('keeps a value of the wrong type, null included, invalid', () => {
    expect(codesOf({ ...valid, name: 5, mode: 'both', capacity: null, note: null, channel: 'sms' })).toEqual({
      channel: 'channel.unsupported',
      name: 'field.invalid',
      mode: 'field.invalid',
      capacity: 'field.invalid',
      note: 'field.invalid',
    });
  });

  it('names an unexpected key as such', () => {
    expect(codesOf({ ...valid, extra: 1 })).toEqual({ extra: 'field.unknown' });
  });

  it('words the code in English for people reading the API', () => {
    const parsed = schema.safeParse({ ...valid, name: undefined });
    expect(parsed.success || toFieldErrors(parsed.error, { ...valid, name: undefined })).toEqual([
      { path: 'name', code: 'field.required', message: 'This field is required.' },
    ]);
  });

  it('names a refused character in the English message and gives it as a parameter', () => {
    const input = { authToken: '9e15 5237 G' };
    const parsed = z.strictObject({ authToken: authTokenField }).safeParse(input);
    expect(parsed.success || toFieldErrors(parsed.error, input)).toEqual([
      {
        path: 'authToken',
        code: 'authToken.notHex',
        message: 'The character “G” is not allowed: an auth token has only the letters a–f and digits 0–9.',
        params: { character: 'G' },
      },
    ]);
  });
});
