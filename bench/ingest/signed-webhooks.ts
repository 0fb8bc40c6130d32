import { customerNumber } from './agents-setup';
import { inboundEntries, newMessageSid, signedForm } from '../../src/testing/server/twilio-webhooks';

export interface SignedWebhook {
  sid: string;
  body: string;
  signature: string;
}

export interface WebhookMix {
  /** The URL Twilio would sign: the server's public URL and the path. */
  url: string;
  authToken: string;
  businessNumber: string;
  count: number;
  /** Distinct customers the messages come from. */
  customers: number;
  /** Share of messages with a photo. */
  mediaShare: number;
  /** Share of messages that repeat an earlier MessageSid (Twilio retrying). */
  replayShare: number;
  /** Text of message n; the live-path bench puts its send time there. */
  text?: (n: number) => string;
}

const TEXTS = [
  'Hi, my order has not arrived yet. Could you check it?',
  'Hei! Tilaukseni ei ole vielä tullut, voitteko tarkistaa?',
  'Thanks 🙏 that helped a lot',
  'What are your opening hours on Saturday?',
  'I would like to change the delivery address to Mannerheimintie 1, Helsinki.',
];

/** Signed inbound WhatsApp webhooks as Twilio sends them: many customers, some photos, some replays. */
export function signedInboundWebhooks(mix: WebhookMix): SignedWebhook[] {
  const webhooks: SignedWebhook[] = [];
  for (let n = 0; n < mix.count; n++) {
    const replayOf = n > 10 && fraction(n, 7919) < mix.replayShare ? webhooks[n - 1 - (n % 10)] : undefined;
    if (replayOf) {
      webhooks.push(replayOf);
      continue;
    }
    const customer = n % mix.customers;
    const withMedia = fraction(n, 104729) < mix.mediaShare;
    const sid = newMessageSid(withMedia ? 'MM' : 'SM');
    const entries = inboundEntries({
      from: customerNumber(customer),
      to: mix.businessNumber,
      body: mix.text?.(n) ?? TEXTS[n % TEXTS.length]!,
      profileName: `Customer ${customer}`,
      messageSid: sid,
      media: withMedia ? [{ url: `https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/${sid}/Media/ME${sid.slice(2)}`, contentType: 'image/jpeg' }] : [],
    });
    webhooks.push({ sid, ...signedForm(mix.authToken, mix.url, entries) });
  }
  return webhooks;
}

/** A stable pseudo-random number in [0, 1) for message n: the same mix in every run. */
function fraction(n: number, prime: number): number {
  return ((n * prime) % 1000) / 1000;
}
