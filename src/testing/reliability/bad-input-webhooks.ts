import fc from 'fast-check';
import type { RouteEntry } from '../../server/http/route-table';
import { signedForm, type FormEntries } from '../server/twilio-webhooks';
import { WEBHOOK_BODY_LIMIT } from '../../server/twilio/signature';
import type { FuzzRequest } from './bad-input-requests';
import { contentTypeHeader, e164, headerValue, hex, nastyString, notJsonText, oddHeaders, pathSegment, queryString } from './bad-input-values';

/* Twilio's calls as the bad-input test generates them: real parameters with garbage inside. */

/** The account a webhook is fuzzed against: its token signs the generated forms. */
export interface WebhookTarget {
  accountId: string;
  authToken: string;
  /** The account's business number, E.164. */
  number: string;
  publicUrl: string;
  /** MessageSids of outbound messages the status callbacks can name. */
  outboundSids: readonly string[];
}

const TWILIO_PARAM_NAMES = ['MessageSid', 'SmsSid', 'From', 'To', 'Body', 'NumMedia', 'MediaUrl0', 'MediaContentType0', 'MediaUrl1', 'ProfileName', 'WaId', 'MessageStatus', 'ErrorCode', 'AccountSid', 'ButtonText', 'Latitude'];
const messageSid = hex(16).map((digits) => `SM${digits}`);

/** A Twilio value where one is expected, or trouble. */
const twilioValue = (usual: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: usual }, { weight: 2, arbitrary: nastyString }, { weight: 1, arbitrary: headerValue });

function inboundEntries(target: WebhookTarget): fc.Arbitrary<FormEntries> {
  return fc
    .record({
      sid: messageSid,
      from: e164,
      body: fc.oneof(fc.string({ maxLength: 200 }), nastyString),
      profileName: fc.oneof(fc.string({ maxLength: 30 }), nastyString),
      media: fc.array(fc.tuple(fc.oneof(fc.webUrl(), nastyString), fc.oneof(fc.constantFrom('image/jpeg', 'audio/ogg', 'text/vcard'), nastyString)), { maxLength: 2 }),
    })
    .map(({ sid, from, body, profileName, media }): FormEntries => [
      ['MessageSid', sid],
      ['SmsSid', sid],
      ['AccountSid', `AC${'0'.repeat(32)}`],
      ['From', `whatsapp:${from}`],
      ['To', `whatsapp:${target.number}`],
      ['Body', body],
      ['ProfileName', profileName],
      ['WaId', from.slice(1)],
      ['NumMedia', String(media.length)],
      ...media.flatMap(([url, type], i): FormEntries => [
        [`MediaUrl${i}`, url],
        [`MediaContentType${i}`, type],
      ]),
    ]);
}

function statusEntries(target: WebhookTarget): fc.Arbitrary<FormEntries> {
  const sids = target.outboundSids.length > 0 ? fc.oneof(fc.constantFrom(...target.outboundSids), messageSid) : messageSid;
  return fc
    .record({
      sid: sids,
      status: twilioValue(fc.constantFrom('queued', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'accepted', 'scheduled', 'pending', 'READ', 'Delivered')),
      errorCode: fc.option(twilioValue(fc.constantFrom('', '30003', '63016', '1234567890', '12345678901')), { nil: undefined }),
    })
    .map(({ sid, status, errorCode }): FormEntries => [
      ['MessageSid', sid],
      ['MessageStatus', status],
      ['AccountSid', `AC${'0'.repeat(32)}`],
      ...(errorCode === undefined ? [] : [['ErrorCode', errorCode] as [string, string]]),
    ]);
}

type Edit = { op: 'replace' | 'remove' | 'repeat'; at: number; value: string } | { op: 'add'; name: string; value: string };

const edits = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom('replace', 'remove', 'repeat') as fc.Arbitrary<'replace' | 'remove' | 'repeat'>, at: fc.nat(20), value: twilioValue(fc.string({ maxLength: 20 })) }),
    fc.record({ op: fc.constant('add' as const), name: fc.oneof(fc.constantFrom(...TWILIO_PARAM_NAMES), nastyString), value: twilioValue(fc.string({ maxLength: 20 })) }),
  ),
  { maxLength: 3 },
);

function applyEdits(entries: FormEntries, changes: Edit[]): FormEntries {
  const result = entries.map(([name, value]): [string, string] => [name, value]);
  for (const change of changes) {
    if (change.op === 'add') {
      result.push([change.name, change.value]);
      continue;
    }
    if (result.length === 0) continue;
    const at = change.at % result.length;
    if (change.op === 'replace') result[at] = [result[at]![0], change.value];
    else if (change.op === 'remove') result.splice(at, 1);
    else result.push([result[at]![0], change.value]);
  }
  return result;
}

/**
 * Twilio's calls with garbage inside: forms built from a real webhook's parameters with values
 * replaced, removed, repeated or added, mostly signed correctly with the account's token (so
 * that they reach the code past the signature check), sometimes not a form at all.
 */
export function webhookRequest(route: RouteEntry, target: WebhookTarget): fc.Arbitrary<FuzzRequest> {
  const inbound = route.url.includes('/whatsapp/');
  const form = fc.tuple(inbound ? inboundEntries(target) : statusEntries(target), edits).map(([entries, changes]) => new URLSearchParams(applyEdits(entries, changes)).toString());
  const rawBody = fc.oneof(notJsonText, fc.constantFrom('%', '%zz=%00', 'Body=%00&Body=%ED%A0%80', '&&&=&', `Body=${'x'.repeat(WEBHOOK_BODY_LIMIT)}`));
  return fc
    .record({
      body: fc.oneof({ weight: 8, arbitrary: form }, { weight: 1, arbitrary: rawBody }),
      accountSegment: fc.oneof({ weight: 8, arbitrary: fc.constant(target.accountId) }, { weight: 1, arbitrary: pathSegment([target.accountId], []) }),
      query: fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryString(['type']) }),
      signature: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'missing', 'wrong', 'other url'),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/x-www-form-urlencoded') }, { weight: 1, arbitrary: contentTypeHeader }),
      headers: oddHeaders,
    })
    .map(({ body, accountSegment, query, signature, contentType, headers }) => {
      const path = route.url.replace(/:\w+/, accountSegment);
      const url = query ? `${path}?${query}` : path;
      // Signed over the parameters as the server will read them from this exact body.
      const signedOver = signature === 'other url' ? `${target.publicUrl}/elsewhere` : `${target.publicUrl}${url}`;
      const signed = signedForm(target.authToken, signedOver, [...new URLSearchParams(body)]);
      const all: Record<string, string> = { ...headers };
      delete all['x-twilio-signature'];
      if (contentType !== undefined) all['content-type'] = contentType;
      if (signature === 'wrong') all['x-twilio-signature'] = `${signed.signature.slice(1)}A`;
      else if (signature !== 'missing') all['x-twilio-signature'] = signed.signature;
      return { as: 'anonymous' as const, method: route.method, url, headers: all, body, kind: `webhook (${signature} signature)` };
    });
}
