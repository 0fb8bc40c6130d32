import { and, eq } from 'drizzle-orm';
import { problemDetails } from '@/api/contract/problem-bodies';
import type { SandboxStatus, TemplateSyncResult, VerifyResult } from '@/api/contract/account-tools';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import type { ServerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import type { Queryable } from '../db/database';
import { whatsappAccounts, whatsappNumbers } from '../db/schema';
import { isoOrNull } from '../db/timestamps';
import { TwilioRequestError, type TwilioCredentials } from '../twilio/gateway';
import { recordAudit, type Actor } from './audit';
import { refuse } from './refused';
import { syncTemplates } from './template-sync';

type AccountRow = typeof whatsappAccounts.$inferSelect;
type Context = Pick<ServerContext, 'db' | 'now' | 'config' | 'keyring' | 'twilio'>;

/** PUBLIC_URL on this machine only: Twilio cannot call it. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

/** Outcomes of a credential check: Twilio's answer in the words of the contract. */
function verifyOutcome(error: TwilioRequestError): VerifyResult['outcome'] {
  if (error.status === 401 || error.status === 403 || error.status === 404 || error.code === '20003') return 'rejected';
  return 'unreachable';
}

async function accountOf(db: Queryable, id: string): Promise<AccountRow> {
  const [row] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, id));
  if (!row) throw refuse.notFound('account');
  return row;
}

function credentialsOf({ keyring }: Pick<Context, 'keyring'>, account: AccountRow): TwilioCredentials {
  try {
    return { accountSid: account.accountSid, authToken: open(keyring, account.authTokenSealed, account.id) };
  } catch (error) {
    if (error instanceof SecretUnavailableError) throw refuse.tokenUnavailable();
    throw error;
  }
}

async function sandboxStatusOf(tx: Queryable, publicUrl: string, account: AccountRow): Promise<SandboxStatus> {
  // This account's own sandbox record: other accounts may hold the sandbox sender too.
  const [sandbox] = await tx
    .select({ id: whatsappNumbers.id })
    .from(whatsappNumbers)
    .where(and(eq(whatsappNumbers.accountId, account.id), eq(whatsappNumbers.number, TWILIO_SANDBOX_NUMBER)));
  return {
    isSandbox: sandbox !== undefined,
    sandboxNumber: TWILIO_SANDBOX_NUMBER,
    joinCode: account.sandboxJoinCode,
    inboundUrl: `${publicUrl}/webhooks/twilio/whatsapp/${account.id}`,
    statusCallbackUrl: `${publicUrl}/webhooks/twilio/status/${account.id}`,
    firstInboundAt: isoOrNull(account.firstInboundAt),
    publicUrlIsLocal: isLocalUrl(publicUrl),
  };
}

/** Tests the account's credentials against Twilio: an answer either way, never a refusal for Twilio's. */
export async function verifyCredentials(context: Context, accountId: string): Promise<VerifyResult> {
  const credentials = credentialsOf(context, await accountOf(context.db, accountId));
  const checkedAt = () => context.now().toISOString();
  try {
    const answer = await context.twilio.fetchAccount(credentials);
    const outcome = answer.status === 'suspended' || answer.status === 'closed' ? answer.status : 'ok';
    return { ok: outcome === 'ok', outcome, friendlyName: answer.friendlyName ?? null, errorCode: null, checkedAt: checkedAt() };
  } catch (error) {
    if (!(error instanceof TwilioRequestError)) throw error;
    const outcome = verifyOutcome(error);
    return { ok: false, outcome, friendlyName: null, errorCode: error.code ?? (outcome === 'rejected' ? '20003' : null), checkedAt: checkedAt() };
  }
}

/** The account's templates as Twilio's Content API has them. */
export async function syncTemplatesFromTwilio(context: Context, actor: Actor, accountId: string): Promise<TemplateSyncResult> {
  const account = await accountOf(context.db, accountId);
  let contents;
  try {
    contents = await context.twilio.listContents(credentialsOf(context, account));
  } catch (error) {
    if (!(error instanceof TwilioRequestError)) throw error;
    if (verifyOutcome(error) === 'rejected') {
      throw refuse.conflict(problemDetails.twilioRefusedCredentials, []);
    }
    throw refuse.twilioUnavailable(error.status, error.code ?? undefined);
  }
  return context.db.transaction((tx) => syncTemplates(tx, account.id, contents, actor, context.now()));
}

/** Refuses a missing account: a 404 comes before the body is read. */
export async function requireToolAccount(db: Queryable, accountId: string): Promise<void> {
  await accountOf(db, accountId);
}

export async function getSandboxStatus({ db, config }: Context, accountId: string): Promise<SandboxStatus> {
  return sandboxStatusOf(db, config.publicUrl, await accountOf(db, accountId));
}

export async function setSandboxJoinCode({ db, now, config }: Context, actor: Actor, accountId: string, joinCode: string): Promise<SandboxStatus> {
  const account = await accountOf(db, accountId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(whatsappAccounts)
      .set({ sandboxJoinCode: joinCode, ...(joinCode === account.sandboxJoinCode ? {} : { updatedAt: now().toISOString() }) })
      .where(eq(whatsappAccounts.id, account.id))
      .returning();
    if (!row) throw refuse.notFound('account');
    if (joinCode !== account.sandboxJoinCode) {
      await recordAudit(tx, actor, { action: 'updated', entityType: 'account', entityId: row.id, entityName: row.name, changedFields: ['sandboxJoinCode'] }, now());
    }
    return sandboxStatusOf(tx, config.publicUrl, row);
  });
}
