import fc from 'fast-check';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { parseForm } from '../../server/twilio/signature';
import { readInbound, readStatus } from '../../server/twilio/webhook-params';
import { signedForm, signedParams, type FormEntries } from '../server/twilio-webhooks';

/*
 * Variants of genuine signed Twilio webhooks, and an oracle that says how the server must answer
 * each. A variant is forged when its X-Twilio-Signature is not the one Twilio computes over its
 * actual URL and body with its account's token, whatever was done to it: a "reordering" or an
 * exact duplicate leaves Twilio's signature (sorted names, deduplicated values) unchanged.
 */

export type WebhookKind = 'inbound' | 'status';

export interface KnownAccount {
  id: string;
  authToken: string;
  /** `whatsapp:+…` */
  addresses: ReadonlySet<string>;
}

export interface VariantEnv {
  /** What the server takes as its public address: PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** The account the genuine webhooks are for, and another one. */
  account: KnownAccount;
  other: KnownAccount;
}

/** A webhook as sent: the request path (and query), the form entries, the signature header. */
export interface WebhookRequest {
  path: string;
  entries: FormEntries;
  signature: string | null;
}

export const webhookPath = (kind: WebhookKind, accountId: string) => `/webhooks/twilio/${kind === 'inbound' ? 'whatsapp' : 'status'}/${accountId}`;

/** A genuine webhook: signed by the account's token over its public URL. */
export function genuine(env: VariantEnv, kind: WebhookKind, entries: FormEntries): WebhookRequest {
  const path = webhookPath(kind, env.account.id);
  return { path, entries, signature: signedForm(env.account.authToken, `${env.publicUrl}${path}`, entries).signature };
}

const base64Char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='.split(''));
const query = fc.stringMatching(/^[a-z]{1,6}=[a-z0-9]{0,6}$/);
const paramName = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,15}$/), fc.constantFrom('', 'body', 'BODY', 'MessageSid', 'To', 'From', 'Body', 'MessageStatus', 'ErrorCode'));
const paramValue = fc.string({ unit: 'grapheme', maxLength: 20 });

/** What is done to a genuine webhook; indexes are taken modulo the number of parameters. */
export type Mutation =
  | { category: 'genuine' }
  | { category: 'genuine, parameters reordered'; keys: number[] }
  | { category: 'genuine, signed without the port' }
  | { category: 'a parameter repeated with the same value'; index: number }
  | { category: 'the next parameter moved into a value (same signed string)'; index: number }
  | { category: 'no signature' }
  | { category: 'empty signature' }
  | { category: 'random signature'; signature: string }
  | { category: 'signature altered'; how: 'character' | 'truncated' | 'extended' | 'case'; index: number; character: string }
  | { category: 'signed with the other account’s token' }
  | { category: 'signed with a random token'; token: string }
  | { category: 'signed for another host'; host: string }
  | { category: 'signed for another scheme' }
  | { category: 'signed for another port'; port: number }
  | { category: 'signed for another path'; path: 'other account' | 'other webhook' | 'trailing slash' | 'upper-case id' | 'prefixed' }
  | { category: 'signed with a query, sent without'; query: string }
  | { category: 'sent with a query, signed without'; query: string }
  | { category: 'signed for another query'; signed: string; sent: string }
  | { category: 'a parameter value altered'; index: number; value: string }
  | { category: 'a parameter added'; name: string; value: string }
  | { category: 'a parameter removed'; index: number }
  | { category: 'a parameter repeated with another value'; index: number; value: string }
  | { category: 'a parameter name’s case changed'; index: number }
  | { category: 'the other account’s signed webhook, sent here' }
  | { category: 'To not a number of the account, correctly signed'; to: 'the other account’s' | 'a random one' | 'this one’s, posted to the other account' }
  | { category: 'correctly signed for an unknown account id'; id: string };

const index = fc.nat({ max: 1000 });

/** The mutations, genuine ones about a quarter of all. */
export function mutationArbitrary(kind: WebhookKind): fc.Arbitrary<Mutation> {
  const c = <T extends Mutation['category']>(category: T) => fc.constant({ category } as Extract<Mutation, { category: T }>);
  const forgeries: fc.Arbitrary<Mutation>[] = [
    c('no signature'),
    c('empty signature'),
    fc.record({ category: fc.constant('random signature' as const), signature: fc.string({ unit: base64Char, minLength: 1, maxLength: 40 }) }),
    fc.record({ category: fc.constant('signature altered' as const), how: fc.constantFrom('character', 'truncated', 'extended', 'case'), index, character: base64Char }),
    c('signed with the other account’s token'),
    fc.record({ category: fc.constant('signed with a random token' as const), token: fc.stringMatching(/^[0-9a-f]{32}$/) }),
    fc.record({ category: fc.constant('signed for another host' as const), host: fc.constantFrom('localhost', '127.0.0.2', 'evil.example', 'twilio.com.evil.example') }),
    c('signed for another scheme'),
    fc.record({ category: fc.constant('signed for another port' as const), port: fc.integer({ min: 1, max: 65535 }) }),
    fc.record({ category: fc.constant('signed for another path' as const), path: fc.constantFrom('other account', 'other webhook', 'trailing slash', 'upper-case id', 'prefixed') }),
    fc.record({ category: fc.constant('signed with a query, sent without' as const), query }),
    fc.record({ category: fc.constant('sent with a query, signed without' as const), query }),
    fc.record({ category: fc.constant('signed for another query' as const), signed: query, sent: query }),
    fc.record({ category: fc.constant('a parameter value altered' as const), index, value: paramValue }),
    fc.record({ category: fc.constant('a parameter added' as const), name: paramName, value: paramValue }),
    fc.record({ category: fc.constant('a parameter removed' as const), index }),
    fc.record({ category: fc.constant('a parameter repeated with another value' as const), index, value: paramValue }),
    fc.record({ category: fc.constant('a parameter name’s case changed' as const), index }),
    fc.record({ category: fc.constant('correctly signed for an unknown account id' as const), id: fc.uuid({ version: 4 }) }),
  ];
  if (kind === 'inbound') {
    forgeries.push(
      c('the other account’s signed webhook, sent here'),
      fc.record({ category: fc.constant('To not a number of the account, correctly signed' as const), to: fc.constantFrom('the other account’s', 'a random one', 'this one’s, posted to the other account') }),
    );
  }
  const genuineOnes: fc.Arbitrary<Mutation>[] = [
    c('genuine'),
    c('genuine'),
    c('genuine'),
    fc.record({ category: fc.constant('genuine, parameters reordered' as const), keys: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }) }),
    c('genuine, signed without the port'),
    fc.record({ category: fc.constant('a parameter repeated with the same value' as const), index }),
    fc.record({ category: fc.constant('the next parameter moved into a value (same signed string)' as const), index }),
  ];
  return fc.oneof(...forgeries, ...genuineOnes);
}

const withoutPort = (url: string) => url.replace(/^(https?:\/\/[^/:?#]+):\d+/, '$1');
const flipCase = (text: string) => text.replace(/[A-Za-z]/, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
const sign = (token: string, url: string, entries: FormEntries) => signedForm(token, url, entries).signature;

/** The genuine webhook with the mutation applied. `fresh` gives a number no fixture uses. */
export function applyMutation(env: VariantEnv, kind: WebhookKind, webhook: WebhookRequest, mutation: Mutation, fresh: () => string): WebhookRequest {
  const { entries, path } = webhook;
  const signature = webhook.signature!;
  const url = `${env.publicUrl}${path}`;
  const at = (i: number) => i % entries.length;
  const token = env.account.authToken;
  switch (mutation.category) {
    case 'genuine':
      return webhook;
    case 'genuine, parameters reordered': {
      const keyed = entries.map((entry, i) => ({ entry, key: mutation.keys[i % mutation.keys.length]! * 64 + i }));
      return { ...webhook, entries: keyed.sort((a, b) => a.key - b.key).map(({ entry }) => entry) };
    }
    case 'genuine, signed without the port':
      return { ...webhook, signature: sign(token, withoutPort(url), entries) };
    case 'a parameter repeated with the same value':
      return { ...webhook, entries: [...entries, entries[at(mutation.index)]!] };
    case 'the next parameter moved into a value (same signed string)': {
      // Twilio signs names and values run together, in name order: "Body"="Hi" then "From"="x" signs
      // as "BodyHiFromx", exactly as "Body"="HiFromx" alone does. The signature stays valid.
      const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const i = mutation.index % (sorted.length - 1);
      const [[name, value], [nextName, nextValue]] = [sorted[i]!, sorted[i + 1]!];
      return { ...webhook, entries: [...sorted.slice(0, i), [name, `${value}${nextName}${nextValue}`], ...sorted.slice(i + 2)] };
    }
    case 'no signature':
      return { ...webhook, signature: null };
    case 'empty signature':
      return { ...webhook, signature: '' };
    case 'random signature':
      return { ...webhook, signature: mutation.signature };
    case 'signature altered': {
      const i = mutation.index % signature.length;
      const altered =
        mutation.how === 'character'
          ? `${signature.slice(0, i)}${mutation.character}${signature.slice(i + 1)}`
          : mutation.how === 'truncated'
            ? signature.slice(0, i)
            : mutation.how === 'extended'
              ? `${signature}${mutation.character}`
              : flipCase(signature);
      return { ...webhook, signature: altered };
    }
    case 'signed with the other account’s token':
      return { ...webhook, signature: sign(env.other.authToken, url, entries) };
    case 'signed with a random token':
      return { ...webhook, signature: sign(mutation.token, url, entries) };
    case 'signed for another host':
      return { ...webhook, signature: sign(token, url.replace(/^(https?:\/\/)[^/:]+/, `$1${mutation.host}`), entries) };
    case 'signed for another scheme':
      return { ...webhook, signature: sign(token, url.startsWith('https:') ? `http:${url.slice(6)}` : `https:${url.slice(5)}`, entries) };
    case 'signed for another port':
      return { ...webhook, signature: sign(token, url.replace(/^(https?:\/\/[^/:]+)(:\d+)?/, `$1:${mutation.port}`), entries) };
    case 'signed for another path': {
      const otherKind: WebhookKind = kind === 'inbound' ? 'status' : 'inbound';
      const signedPath = {
        'other account': webhookPath(kind, env.other.id),
        'other webhook': webhookPath(otherKind, env.account.id),
        'trailing slash': `${path}/`,
        'upper-case id': webhookPath(kind, env.account.id.toUpperCase()),
        prefixed: `/api${path}`,
      }[mutation.path];
      return { ...webhook, signature: sign(token, `${env.publicUrl}${signedPath}`, entries) };
    }
    case 'signed with a query, sent without':
      return { ...webhook, signature: sign(token, `${url}?${mutation.query}`, entries) };
    case 'sent with a query, signed without':
      return { ...webhook, path: `${path}?${mutation.query}` };
    case 'signed for another query':
      return { ...webhook, path: `${path}?${mutation.sent}`, signature: sign(token, `${url}?${mutation.signed}`, entries) };
    case 'a parameter value altered': {
      const i = at(mutation.index);
      return { ...webhook, entries: entries.map(([name, value], j): [string, string] => [name, j === i ? mutation.value : value]) };
    }
    case 'a parameter added':
      return { ...webhook, entries: [...entries, [mutation.name, mutation.value]] };
    case 'a parameter removed':
      return { ...webhook, entries: entries.filter((_, j) => j !== at(mutation.index)) };
    case 'a parameter repeated with another value':
      return { ...webhook, entries: [...entries, [entries[at(mutation.index)]![0], mutation.value]] };
    case 'a parameter name’s case changed': {
      const i = at(mutation.index);
      return { ...webhook, entries: entries.map(([name, value], j): [string, string] => [j === i ? flipCase(name) : name, value]) };
    }
    case 'the other account’s signed webhook, sent here': {
      // Correctly signed by the other account for its own address, then posted to this account's.
      const otherPath = webhookPath(kind, env.other.id);
      return { ...webhook, signature: sign(env.other.authToken, `${env.publicUrl}${otherPath}`, entries) };
    }
    case 'To not a number of the account, correctly signed': {
      if (mutation.to === 'this one’s, posted to the other account') {
        // The other account's address and token, naming this account's business number.
        const otherPath = webhookPath(kind, env.other.id);
        return { path: otherPath, entries, signature: sign(env.other.authToken, `${env.publicUrl}${otherPath}`, entries) };
      }
      const to = mutation.to === 'a random one' ? `whatsapp:${fresh()}` : [...env.other.addresses][0]!;
      const changed = entries.map(([name, value]): [string, string] => [name, name === 'To' ? to : value]);
      return { path, entries: changed, signature: sign(token, url, changed) };
    }
    case 'correctly signed for an unknown account id': {
      const unknownPath = webhookPath(kind, mutation.id);
      return { path: unknownPath, entries, signature: sign(token, `${env.publicUrl}${unknownPath}`, entries) };
    }
  }
}

export type Verdict = { answer: 403; forged: true; why: string } | { answer: 200 | 400 | 403; forged: false; why: string };

/**
 * How the server must answer: 403 when forged (no account at that address, or a signature that is
 * not Twilio's over this URL, with or without its port, and this body with the account's token),
 * or when a correctly signed message names a business number of another account; 400 when
 * correctly signed but not a webhook Twilio sends; 200 otherwise.
 */
export function verdictOf(env: VariantEnv, kind: WebhookKind, request: WebhookRequest): Verdict {
  const accountId = request.path.split('?')[0]!.split('/').at(-1)!;
  const account = [env.account, env.other].find((a) => a.id === accountId.toLowerCase());
  if (!account) return { answer: 403, forged: true, why: 'no such account' };
  if (request.signature === null || request.signature === '') return { answer: 403, forged: true, why: 'no signature' };
  const url = `${env.publicUrl}${request.path}`;
  // The body as the server will decode it (lone surrogates and the like do not survive encoding).
  const params = signedParams([...new URLSearchParams(new URLSearchParams(request.entries).toString())]);
  const expected = [url, withoutPort(url)].map((u) => getExpectedTwilioSignature(account.authToken, u, params));
  if (!expected.includes(request.signature)) return { answer: 403, forged: true, why: 'signature is not Twilio’s for this URL, body and token' };
  const form = parseForm(new URLSearchParams(request.entries).toString());
  if (kind === 'inbound') {
    const inbound = readInbound(form);
    if (!inbound) return { answer: 400, forged: false, why: 'signed, not a message' };
    if (!account.addresses.has(inbound.toAddress)) return { answer: 403, forged: false, why: 'signed, To is not the account’s' };
    return { answer: 200, forged: false, why: 'genuine' };
  }
  return readStatus(form) ? { answer: 200, forged: false, why: 'genuine' } : { answer: 400, forged: false, why: 'signed, not a status callback' };
}
