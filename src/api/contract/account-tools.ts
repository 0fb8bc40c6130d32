import { z } from 'zod';
import { timestampField } from './fields';

/** POST /api/whatsapp-accounts/:id/verify: what Twilio said about the stored credentials. */
export const verifyResultSchema = z.object({
  ok: z.boolean(),
  /** "ok", or why not: Twilio refused the credentials, could not be reached, or the account is suspended or closed. */
  outcome: z.enum(['ok', 'rejected', 'unreachable', 'suspended', 'closed']),
  /** Twilio's friendly name of the account, when it answered. */
  friendlyName: z.string().nullable(),
  /** The Twilio error code, when there was one (20003 for wrong credentials). */
  errorCode: z.string().nullable(),
  checkedAt: timestampField,
});

/** POST /api/whatsapp-accounts/:id/templates/sync */
export const templateSyncResultSchema = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Twilio content the channel cannot use (not a WhatsApp text, or an unsupported language), by name. */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  syncedAt: timestampField,
});

/** GET /api/whatsapp-accounts/:id/sandbox: the checklist of a sandbox account. */
export const sandboxStatusSchema = z.object({
  isSandbox: z.boolean(),
  sandboxNumber: z.string(),
  /** The "join <code>" words to share; set by the administrator (Twilio shows it in the console). */
  joinCode: z.string().nullable(),
  inboundUrl: z.url(),
  statusCallbackUrl: z.url(),
  /** The first inbound message to this account: the checklist's live check. */
  firstInboundAt: timestampField.nullable(),
  /** PUBLIC_URL is a loopback address Twilio cannot reach. */
  publicUrlIsLocal: z.boolean(),
});

export const sandboxJoinCodeInputSchema = z.strictObject(
  {
    joinCode: z
      .string({ error: 'field.invalid' })
      .trim()
      .max(60, { error: 'field.invalid' })
      .regex(/^(join\s+)?[a-z0-9]+(-[a-z0-9]+)*$/i, { error: 'field.invalid' })
      .transform((code) => code.replace(/^join\s+/i, '').toLowerCase()),
  },
  { error: () => 'field.invalid' },
);

export type VerifyResult = z.infer<typeof verifyResultSchema>;
export type TemplateSyncResult = z.infer<typeof templateSyncResultSchema>;
export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;
