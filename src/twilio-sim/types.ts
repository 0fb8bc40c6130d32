/** The shapes the simulator keeps in memory and hands to tests. */

export type OutOfOrderMode = 'never' | 'sometimes' | 'always';

export interface DeliveryOptions {
  /** "sometimes" reorders every second delivered message, so runs are repeatable. */
  outOfOrder: OutOfOrderMode;
  /** Wait before each status callback, after the previous one. */
  delaysMs: { sent: number; delivered: number; read: number };
  /** Whether the customer reads the messages (a "read" callback follows "delivered"). */
  readReceipts: boolean;
}

export type TemplateApproval = 'approved' | 'pending' | 'rejected' | 'unsubmitted';

export interface SimTemplate {
  /** HX + 32 hex; derived from the account, name and language when left out. */
  sid?: string;
  friendlyName: string;
  language: string;
  /** The twilio/text body with {{1}}-style variables. */
  body: string;
  /** Example values by variable number. */
  variables: Record<string, string>;
  approval: TemplateApproval;
  rejectionReason?: string;
  category?: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
}

export interface SimAccountOptions {
  accountSid: string;
  authToken: string;
  friendlyName?: string;
  /** The "WHEN A MESSAGE COMES IN" URL. */
  inboundUrl?: string | null;
  sandbox?: { number?: string; joinCode: string } | null;
  /** WhatsApp senders (E.164) the account may send from; any sender when left out. */
  senders?: string[];
  /** Content API templates; a seeded set in English and Finnish when left out. */
  templates?: SimTemplate[];
  status?: 'active' | 'suspended' | 'closed';
}

export interface SimAccount {
  accountSid: string;
  authToken: string;
  friendlyName: string;
  inboundUrl: string | null;
  sandbox: { number: string; joinCode: string } | null;
  senders: string[] | null;
  templates: (SimTemplate & { sid: string })[];
  status: 'active' | 'suspended' | 'closed';
  createdAt: Date;
  /** The WhatsApp channel installation Twilio names in status callbacks (XE…). */
  channelInstallSid: string;
}

export type SimMessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

export interface SimStatusCallback {
  status: SimMessageStatus;
  errorCode: number | null;
  /** Our server's answer; null when it could not be reached. */
  httpStatus: number | null;
  at: Date;
}

export interface SimMedia {
  url: string;
  contentType: string;
  bytes: Buffer;
}

/** A message the business sent through Messages create. */
export interface SimSentMessage {
  sid: string;
  accountSid: string;
  /** whatsapp:+E.164 as given */
  from: string;
  to: string;
  /** The Body, or the template's text with its variables filled in. */
  body: string | null;
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  mediaUrls: string[];
  /** What the simulator downloaded from mediaUrls (empty until delivery fetched them). */
  media: SimMedia[];
  statusCallback: string | null;
  /** The furthest status reached, as Twilio reports it when fetched. */
  status: SimMessageStatus;
  errorCode: number | null;
  /** Status callbacks in the order they were POSTed. */
  callbacks: SimStatusCallback[];
  createdAt: Date;
  /** The form parameters exactly as the client sent them. */
  params: Record<string, string | string[]>;
}

export interface SimInboundMedia {
  sid: string;
  url: string;
  contentType: string;
  bytes: Buffer;
}

/** A message the simulated customer sent. */
export interface SimInboundMessage {
  messageSid: string;
  accountSid: string;
  /** +E.164 */
  from: string;
  to: string;
  body: string;
  profileName: string;
  media: SimInboundMedia[];
  /** The signed webhook parameters; empty when the sandbox kept the message. */
  params: Record<string, string>;
  /** The URL the webhook went to, null when it was not forwarded. */
  url: string | null;
  forwarded: boolean;
  responseStatus: number | null;
  /** What the sandbox answered itself (join, not joined), if it did. */
  sandboxReply: string | null;
  sentAt: Date;
}

export interface SendInboundInput {
  accountSid: string;
  /** The customer, +E.164 or whatsapp:+E.164 */
  from: string;
  /** The business number, +E.164 or whatsapp:+E.164 */
  to: string;
  body?: string;
  profileName?: string;
  media?: { contentType: string; bytes: Uint8Array }[];
  /** Reuse a MessageSid, as Twilio does when it delivers a webhook twice. */
  messageSid?: string;
}

export interface SendInboundResult {
  /** Our server's HTTP status; null when the message was not forwarded. */
  status: number | null;
  messageSid: string;
  forwarded: boolean;
  /** The sandbox's own answer (join, not joined), when it kept the message. */
  sandboxReply: string | null;
  responseBody: string;
}
