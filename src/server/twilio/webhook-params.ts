import { z } from 'zod';
import { isOutboundStatus, type OutboundStatus } from '@/domain/message-status';
import type { FormParams } from './signature';

/*
 * What the webhooks use of Twilio's parameters, read after the signature has been checked
 * over all of them. Anything else Twilio sends (SmsSid, ChannelMetadata, ApiVersion…) is
 * signed and ignored. A repeated name where one value is expected is a malformed body.
 */

/** SM… or MM… and 32 hex digits. */
const MESSAGE_SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
/** "whatsapp:+" and an E.164 number. */
const WHATSAPP_ADDRESS = /^whatsapp:\+[1-9][0-9]{0,14}$/;
/** Twilio attaches at most 10 media to one message (WhatsApp: 1). */
const MAX_MEDIA = 10;

const single = z.string();
const optionalSingle = z.string().optional();

const inboundSchema = z.object({
  MessageSid: single.regex(MESSAGE_SID),
  From: single.regex(WHATSAPP_ADDRESS),
  To: single.regex(WHATSAPP_ADDRESS),
  Body: optionalSingle,
  NumMedia: single.regex(/^\d{1,2}$/).optional(),
  ProfileName: optionalSingle,
  WaId: single.regex(/^\d{1,15}$/).optional(),
});

export interface InboundMedia {
  url: string;
  contentType: string;
}

export interface InboundParams {
  messageSid: string;
  /** The customer's number, E.164. */
  from: string;
  /** The business number, E.164. */
  to: string;
  /** "whatsapp:+…" as Twilio sent it: compared with the account's numbers. */
  toAddress: string;
  body: string;
  profileName: string | null;
  /** The customer's WhatsApp id (the number without "+"). */
  waId: string;
  media: InboundMedia[];
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL in a customer's text would fail the journal's
 * insert on every retry, and the message would be lost. The signature was checked over the
 * value as sent; what is stored shows the NUL as U+FFFD, the replacement character.
 */
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** The inbound message's fields, or null when the body is not one Twilio would send. */
export function readInbound(params: FormParams): InboundParams | null {
  const parsed = inboundSchema.safeParse(params);
  if (!parsed.success) return null;
  const p = parsed.data;
  const count = Number(p.NumMedia ?? '0');
  if (count > MAX_MEDIA) return null;
  const media: InboundMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`];
    const contentType = params[`MediaContentType${i}`];
    if (typeof url !== 'string' || !/^https?:\/\//.test(url) || typeof contentType !== 'string' || contentType === '') return null;
    media.push({ url: storable(url), contentType: storable(contentType) });
  }
  const from = p.From.slice('whatsapp:'.length);
  return {
    messageSid: p.MessageSid,
    from,
    to: p.To.slice('whatsapp:'.length),
    toAddress: p.To,
    body: storable(p.Body ?? ''),
    profileName: p.ProfileName?.trim() ? storable(p.ProfileName) : null,
    waId: p.WaId ?? from.slice(1),
    media,
  };
}

const statusSchema = z.object({
  MessageSid: single.regex(MESSAGE_SID),
  MessageStatus: single,
  // Sent empty by some callbacks that have no error.
  ErrorCode: single.regex(/^\d{0,10}$/).optional(),
});

export interface StatusParams {
  messageSid: string;
  /** Null for a status this server does not track (e.g. "accepted", "scheduled"): acknowledged, not applied. */
  status: OutboundStatus | null;
  errorCode: string | null;
}

/** A status callback's fields, or null when the body is not one Twilio would send. */
export function readStatus(params: FormParams): StatusParams | null {
  const parsed = statusSchema.safeParse(params);
  if (!parsed.success) return null;
  const status = parsed.data.MessageStatus.toLowerCase();
  return {
    messageSid: parsed.data.MessageSid,
    // "pending" is ours (not yet at Twilio): Twilio never reports it.
    status: isOutboundStatus(status) && status !== 'pending' ? status : null,
    errorCode: parsed.data.ErrorCode || null,
  };
}
