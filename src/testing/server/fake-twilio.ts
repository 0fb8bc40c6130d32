import { randomBytes } from 'node:crypto';
import {
  TwilioRequestError,
  type OutboundTwilioMessage,
  type TwilioContent,
  type TwilioCredentials,
  type TwilioGateway,
} from '../../server/twilio/gateway';

/** What a test's Twilio answers a send with: a sid, or a failure to throw. */
export type SendAnswer = { sid?: string; status?: string } | TwilioRequestError;

/**
 * Twilio as a test fakes it, behind the gateway interface: it records every call and
 * answers as the test scripts it. It stands in for Twilio only, never for our code.
 */
export function fakeTwilio(now: () => Date = () => new Date()) {
  const sends: { credentials: TwilioCredentials; message: OutboundTwilioMessage; answered: string | number; at: Date }[] = [];
  const mediaFetches: { credentials: TwilioCredentials; url: string }[] = [];
  const script: SendAnswer[] = [];
  const state = {
    /** Called during each send, before it answers: lets a test act "while Twilio works". */
    during: null as null | ((message: OutboundTwilioMessage) => Promise<void>),
    delayMs: 0,
    account: ((credentials: TwilioCredentials) => ({ friendlyName: `Account ${credentials.accountSid.slice(-4)}`, status: 'active' })) as (
      credentials: TwilioCredentials,
    ) => { friendlyName: string; status: string } | TwilioRequestError,
    contents: [] as TwilioContent[] | TwilioRequestError,
    media: new Map<string, { contentType: string; body: Buffer }>(),
  };

  const gateway: TwilioGateway = {
    async fetchAccount(credentials) {
      const answer = state.account(credentials);
      if (answer instanceof TwilioRequestError) throw answer;
      return answer;
    },
    async sendMessage(credentials, message) {
      if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      await state.during?.(message);
      const answer = script.shift() ?? {};
      if (answer instanceof TwilioRequestError) {
        sends.push({ credentials, message, answered: answer.status, at: now() });
        throw answer;
      }
      const sid = answer.sid ?? `SM${randomBytes(16).toString('hex')}`;
      sends.push({ credentials, message, answered: sid, at: now() });
      return { sid, status: answer.status ?? 'queued' };
    },
    async listSentMessages(_credentials, query) {
      return sends
        .filter((send) => typeof send.answered === 'string' && send.message.from === query.from && send.message.to === query.to)
        .map((send) => ({ sid: send.answered as string, body: send.message.body ?? '', numMedia: send.message.mediaUrl?.length ?? 0, createdAt: send.at }))
        .reverse()
        .slice(0, query.limit);
    },
    async listContents() {
      if (state.contents instanceof TwilioRequestError) throw state.contents;
      return state.contents;
    },
    async fetchMedia(credentials, url) {
      mediaFetches.push({ credentials, url });
      const found = state.media.get(url);
      if (!found) throw new TwilioRequestError('Twilio answered 404 to download an attachment', 404, '20404');
      return found;
    },
  };

  return {
    gateway,
    sends,
    mediaFetches,
    state,
    /** The answers of the next sends, in order; after them every send succeeds. */
    answerNext(...answers: SendAnswer[]) {
      script.push(...answers);
    },
  };
}

export type FakeTwilio = ReturnType<typeof fakeTwilio>;
