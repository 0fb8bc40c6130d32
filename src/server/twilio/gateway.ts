import type { TwilioContent } from '@/domain/template-sync';

/** A Twilio account's credentials, opened from the sealed token only for the call. */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export interface OutboundTwilioMessage {
  /** whatsapp:+E.164 */
  from: string;
  to: string;
  body?: string;
  contentSid?: string;
  /** JSON of {"1": "..."} */
  contentVariables?: string;
  mediaUrl?: string[];
  statusCallback: string;
}

export type { TwilioContent };

/** A message as Twilio's Messages list shows it. */
export interface SentTwilioMessage {
  sid: string;
  body: string;
  numMedia: number;
  createdAt: Date;
}

/** A Twilio REST failure, with what the outbox and the UI need to decide and explain. */
export class TwilioRequestError extends Error {
  override name = 'TwilioRequestError';
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer came from Twilio. */
    readonly status: number,
    /** Twilio's error code (e.g. "20003"), when it sent one. */
    readonly code: string | null,
    /**
     * The request may have reached Twilio, but no answer came (a timeout, a connection cut
     * after sending): a send may have been accepted, so it must not be repeated blindly.
     */
    readonly ambiguous: boolean = false,
  ) {
    super(message);
  }

  /** Worth trying again later: Twilio unreachable, rate-limited or failing itself. A send also checks `ambiguous` first. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The Twilio calls the server makes; the official `twilio` client behind it (src/server/twilio/rest-gateway.ts). */
export interface TwilioGateway {
  fetchAccount(credentials: TwilioCredentials): Promise<{ friendlyName: string; status: string }>;
  sendMessage(credentials: TwilioCredentials, message: OutboundTwilioMessage): Promise<{ sid: string; status: string }>;
  /**
   * The newest messages (at most `limit`) from one address to another, newest first: how a send
   * whose answer was lost (the process died) is found at Twilio instead of being sent again.
   */
  listSentMessages(credentials: TwilioCredentials, query: { from: string; to: string; limit: number }): Promise<SentTwilioMessage[]>;
  listContents(credentials: TwilioCredentials): Promise<TwilioContent[]>;
  /** Downloads an inbound attachment (MediaUrl), with basic auth. */
  fetchMedia(credentials: TwilioCredentials, url: string): Promise<{ contentType: string; body: Buffer }>;
}
