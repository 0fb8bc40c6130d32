import { eq } from 'drizzle-orm';
import type { SessionUser } from '@/api/contract/session';
import type { ServerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import { sameSecret, sha256 } from '../crypto/tokens';
import { conversations, messageMedia, messages, whatsappAccounts } from '../db/schema';
import { isUuid } from '../db/uuid';
import { TwilioRequestError, type TwilioCredentials } from '../twilio/gateway';
import { visibleConversation } from './conversation-views';
import { refuse } from './refused';

export interface Attachment {
  contentType: string;
  filename: string | null;
  body: Buffer;
}

type Log = { warn(object: object, message: string): void; error(object: object, message: string): void };

/** An attachment of a conversation the user can see: stored here, or fetched from Twilio. */
export async function loadAttachment(context: Pick<ServerContext, 'db' | 'keyring' | 'twilio'>, user: SessionUser, id: string, log: Log): Promise<Attachment> {
  const { db } = context;
  const [row] = await db
    .select({ media: messageMedia, accountId: conversations.accountId })
    .from(messageMedia)
    .innerJoin(conversations, eq(conversations.id, messageMedia.conversationId))
    .where(eq(messageMedia.id, id));
  if (!row || !(await visibleConversation(db, user, row.media.conversationId))) throw refuse.notFound('attachment');
  const { media } = row;
  if (media.data) return { contentType: media.contentType, filename: media.filename, body: media.data };
  if (!media.twilioUrl) throw refuse.notFound('attachment');

  const [account] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, row.accountId));
  if (!account) throw refuse.notFound('attachment');
  let credentials: TwilioCredentials;
  try {
    credentials = { accountSid: account.accountSid, authToken: open(context.keyring, account.authTokenSealed, account.id) };
  } catch (error) {
    if (!(error instanceof SecretUnavailableError)) throw error;
    log.error({ mediaId: id, reason: error.message }, 'inbound attachment: the account’s auth token cannot be opened');
    throw refuse.attachmentUnavailable();
  }
  try {
    const fetched = await context.twilio.fetchMedia(credentials, media.twilioUrl);
    // The type the webhook announced is what the customer sent; the download's header may be generic.
    return { contentType: media.contentType || fetched.contentType, filename: media.filename, body: fetched.body };
  } catch (error) {
    if (!(error instanceof TwilioRequestError)) throw error;
    log.warn({ mediaId: id, status: error.status, code: error.code }, 'inbound attachment not fetched');
    if (error.status === 404) throw refuse.notFound('attachment');
    throw refuse.attachmentUnavailable();
  }
}

/** Twilio fetches the file before WhatsApp delivers it: after that the public URL is closed. */
const FETCHED_OR_FINAL = new Set(['delivered', 'read', 'failed', 'undelivered']);

/** An agent's attachment for Twilio to fetch, by its id and the URL's random token (only its hash is stored). */
export async function loadPublicAttachment(db: ServerContext['db'], id: string, token: string): Promise<Attachment> {
  const [row] = isUuid(id)
    ? await db
        .select({
          contentType: messageMedia.contentType,
          filename: messageMedia.filename,
          data: messageMedia.data,
          publicTokenHash: messageMedia.publicTokenHash,
          status: messages.status,
        })
        .from(messageMedia)
        .leftJoin(messages, eq(messages.id, messageMedia.messageId))
        .where(eq(messageMedia.id, id))
    : [];
  // Unknown, never sent, a wrong token, or Twilio is done with it: all look the same.
  const open = row?.status !== undefined && row.status !== null && !FETCHED_OR_FINAL.has(row.status);
  if (!row?.data || !open || !row.publicTokenHash || !sameSecret(sha256(token), row.publicTokenHash)) throw refuse.notFound('attachment');
  return { contentType: row.contentType, filename: row.filename, body: row.data };
}

