import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { sandboxJoinCodeInputSchema, type SandboxStatus, type VerifyResult } from '@/api/contract/account-tools';
import { problemTypes } from '@/api/contract/problem';
import type { ServerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import type { Queryable } from '../db/database';
import { whatsappAccounts, whatsappNumbers } from '../db/schema';
import { isoOrNull } from '../db/timestamps';
import { parseBody, pathId } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { actorOf, recordAudit } from '../services/audit';
import { syncTemplates } from '../services/template-sync';
import { TwilioRequestError, type TwilioCredentials } from '../twilio/gateway';

type AccountRow = typeof whatsappAccounts.$inferSelect;

/** PUBLIC_URL on this machine only: Twilio cannot call it. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

const twilioUnavailable = (error: TwilioRequestError) =>
  new HttpProblem({
    type: problemTypes.unavailable,
    title: 'Twilio did not answer',
    status: 502,
    detail:
      error.status === 0
        ? 'Twilio could not be reached. Check the server’s internet connection and try again.'
        : `Twilio answered with an error (${error.code ?? error.status}). Try again later.`,
    ...(error.code ? { errorCode: error.code } : {}),
  });

const tokenUnavailable = () =>
  new HttpProblem({
    type: problemTypes.unavailable,
    title: 'Auth token unavailable',
    status: 503,
    detail: 'The stored auth token cannot be opened with this server’s encryption key. Enter the auth token again on the account.',
  });

/** Outcomes of a credential check: Twilio's answer in the words of the contract. */
function verifyOutcome(error: TwilioRequestError): VerifyResult['outcome'] {
  if (error.status === 401 || error.status === 403 || error.status === 404 || error.code === '20003') return 'rejected';
  return 'unreachable';
}

/** /api/whatsapp-accounts/:id/{verify,templates/sync,sandbox}: administrators' tools that talk to Twilio. */
export function accountToolRoutes(context: ServerContext): FastifyPluginAsync {
  const { db, config } = context;

  const accountOf = async (params: unknown): Promise<AccountRow> => {
    const id = pathId(params, 'id', 'account');
    const [row] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, id));
    if (!row) throw problems.notFound('account');
    return row;
  };

  const credentialsOf = (account: AccountRow): TwilioCredentials => {
    try {
      return { accountSid: account.accountSid, authToken: open(context.keyring, account.authTokenSealed, account.id) };
    } catch (error) {
      if (error instanceof SecretUnavailableError) throw tokenUnavailable();
      throw error;
    }
  };

  const sandboxStatus = async (tx: Queryable, account: AccountRow): Promise<SandboxStatus> => {
    const [sandbox] = await tx
      .select({ id: whatsappNumbers.id, accountId: whatsappNumbers.accountId })
      .from(whatsappNumbers)
      .where(eq(whatsappNumbers.number, TWILIO_SANDBOX_NUMBER));
    return {
      isSandbox: sandbox?.accountId === account.id,
      sandboxNumber: TWILIO_SANDBOX_NUMBER,
      joinCode: account.sandboxJoinCode,
      inboundUrl: `${config.publicUrl}/webhooks/twilio/whatsapp/${account.id}`,
      statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/status/${account.id}`,
      firstInboundAt: isoOrNull(account.firstInboundAt),
      publicUrlIsLocal: isLocalUrl(config.publicUrl),
    };
  };

  return async (app) => {
    app.post('/whatsapp-accounts/:id/verify', async (request) => {
      const account = await accountOf(request.params);
      const credentials = credentialsOf(account);
      const checkedAt = () => context.now().toISOString();
      try {
        const answer = await context.twilio.fetchAccount(credentials);
        const outcome = answer.status === 'suspended' || answer.status === 'closed' ? answer.status : 'ok';
        const result: VerifyResult = { ok: outcome === 'ok', outcome, friendlyName: answer.friendlyName ?? null, errorCode: null, checkedAt: checkedAt() };
        return result;
      } catch (error) {
        if (!(error instanceof TwilioRequestError)) throw error;
        const outcome = verifyOutcome(error);
        const result: VerifyResult = {
          ok: false,
          outcome,
          friendlyName: null,
          errorCode: error.code ?? (outcome === 'rejected' ? '20003' : null),
          checkedAt: checkedAt(),
        };
        return result;
      }
    });

    app.post('/whatsapp-accounts/:id/templates/sync', async (request) => {
      const account = await accountOf(request.params);
      let contents;
      try {
        contents = await context.twilio.listContents(credentialsOf(account));
      } catch (error) {
        if (!(error instanceof TwilioRequestError)) throw error;
        if (verifyOutcome(error) === 'rejected') {
          throw problems.conflict('Twilio refused the Account SID or auth token. Check them on the account, then sync again.', []);
        }
        throw twilioUnavailable(error);
      }
      return db.transaction((tx) => syncTemplates(tx, account.id, contents, actorOf(request), context.now()));
    });

    app.get('/whatsapp-accounts/:id/sandbox', async (request) => sandboxStatus(db, await accountOf(request.params)));

    app.put('/whatsapp-accounts/:id/sandbox', async (request) => {
      const account = await accountOf(request.params);
      const { joinCode } = parseBody(sandboxJoinCodeInputSchema, request.body);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(whatsappAccounts)
          .set({ sandboxJoinCode: joinCode, ...(joinCode === account.sandboxJoinCode ? {} : { updatedAt: context.now().toISOString() }) })
          .where(eq(whatsappAccounts.id, account.id))
          .returning();
        if (!row) throw problems.notFound('account');
        if (joinCode !== account.sandboxJoinCode) {
          await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'account', entityId: row.id, entityName: row.name, changedFields: ['sandboxJoinCode'] }, context.now());
        }
        return sandboxStatus(tx, row);
      });
    });
  };
}
