// @vitest-environment node
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasValidSignature, parseForm } from './signature';

describe('Twilio signature check', () => {
  const token = '12345';
  const url = 'https://example.com/webhooks/twilio/whatsapp/abc';

  it('matches HMAC-SHA1 over the URL and the sorted parameters, computed independently', () => {
    const params = parseForm('Body=1%2B1%3D2+%26+%C3%A4+%F0%9F%91%8B&From=whatsapp%3A%2B358401234567&A=x&A=y');
    expect(params).toEqual({ Body: '1+1=2 & ä 👋', From: 'whatsapp:+358401234567', A: ['x', 'y'] });
    const data = `${url}AxAyBody1+1=2 & ä 👋Fromwhatsapp:+358401234567`;
    const signature = createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
    expect(hasValidSignature(token, signature, [url], params)).toBe(true);
    expect(hasValidSignature(token, signature, ['https://other.example', url], params)).toBe(true);
    expect(hasValidSignature(token, signature, [`${url}/`], params)).toBe(false);
    expect(hasValidSignature('54321', signature, [url], params)).toBe(false);
    expect(hasValidSignature(token, undefined, [url], params)).toBe(false);
    expect(hasValidSignature(token, '', [url], params)).toBe(false);
    expect(hasValidSignature(token, signature, [url], { ...params, Body: '1+1=2 & a 👋' })).toBe(false);
  });

  it('keeps values exactly as received: spaces, empty values, odd percent signs', () => {
    expect(parseForm('Body=++two++spaces++&Empty=&Odd=100%+sure%zz')).toEqual({ Body: '  two  spaces  ', Empty: '', Odd: '100% sure%zz' });
  });

  it('keeps parameters named like object properties as plain parameters', () => {
    const params = parseForm('__proto__=x&constructor=y&toString=z');
    expect(Object.keys(params).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(params.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
