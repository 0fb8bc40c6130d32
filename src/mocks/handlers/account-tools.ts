import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  SANDBOX_NUMBER,
  sandboxJoinCodeInputSchema,
  type SandboxStatus,
  type TemplateSyncResult,
  type VerifyResult,
} from '@/api/contract/account-tools';
import { conflictBody } from '@/api/contract/problem-bodies';
import { problemTypes } from '@/api/contract/problem';
import { changedFields, templateAuditName } from '@/domain/audit-changes';
import { approvalStatusOf, categoryOf, skipReasonText, syncedLanguage, syncedName, syncIssue } from '@/domain/template-sync';
import { variableCount } from '@/domain/template-variables';
import { recordAudit, recordUpdate } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockData, MockDb, StoredAccount, StoredTemplate } from '../db';
import { newId } from '../ids';
import { notFound, problem, readJson, validationProblem } from '../problem-responses';
import { twilioContent, type TwilioContent } from '../twilio-content';

/**
 * The demo's stand-in for Twilio's answer to a credential check, by the last four
 * characters of the auth token (all the mock keeps): …0000 is refused as a wrong token
 * (Twilio's 20003), …1111 cannot be reached, …2222 is a suspended and …3333 a closed
 * Twilio account; any other token is accepted. See README, "Demo mode".
 */
export function demoVerifyOutcome(authTokenHint: string): VerifyResult['outcome'] {
  switch (authTokenHint.slice(-4).toLowerCase()) {
    case '0000':
      return 'rejected';
    case '1111':
      return 'unreachable';
    case '2222':
      return 'suspended';
    case '3333':
      return 'closed';
    default:
      return 'ok';
  }
}

function verify(account: StoredAccount, now: Date): VerifyResult {
  const outcome = demoVerifyOutcome(account.authTokenHint);
  const answered = outcome === 'ok' || outcome === 'suspended' || outcome === 'closed';
  return {
    ok: outcome === 'ok',
    outcome,
    friendlyName: answered ? account.name : null,
    errorCode: outcome === 'rejected' ? '20003' : null,
    checkedAt: now.toISOString(),
  };
}

const NO_REASON = 'WhatsApp rejected it without giving a reason.';

/** One example per variable: the ones written here where there are, else Twilio's sample values. */
function examplesFor(body: string, local: readonly string[], content: TwilioContent): string[] {
  return Array.from({ length: variableCount(body) }, (_, index) => {
    const kept = local[index]?.trim();
    if (kept) return kept;
    const sample = content.variables[String(index + 1)]?.trim();
    return (sample || `Example ${index + 1}`).slice(0, 200);
  });
}

/** What Twilio says a template is; the local name, language and examples stay. */
function fromTwilio(content: TwilioContent, local: StoredTemplate | null) {
  const body = content.body!;
  const status = approvalStatusOf(content.approvalStatus);
  return {
    body,
    status,
    rejectionReason: status === 'rejected' ? (content.rejectionReason ?? NO_REASON).slice(0, 500) : null,
    category: categoryOf(content.category) ?? local?.category ?? 'utility',
    contentSid: content.sid,
    examples: examplesFor(body, local?.examples ?? [], content),
  };
}

/**
 * The server's sync (src/server/services/template-sync.ts) on the demo's Twilio contents:
 * matched by SID, else by name and language; added, updated (examples written here kept),
 * unchanged or skipped with the same reasons.
 */
function syncTemplates(draft: MockData, accountId: string, now: Date): TemplateSyncResult {
  const result: TemplateSyncResult = { added: 0, updated: 0, unchanged: 0, skipped: [], syncedAt: now.toISOString() };
  const at = now.toISOString();
  for (const content of twilioContent) {
    const issue = syncIssue(content);
    if (issue) {
      result.skipped.push({ name: content.friendlyName, reason: skipReasonText[issue] });
      continue;
    }
    const name = syncedName(content.friendlyName);
    const language = syncedLanguage(content.language)!;
    const local = draft.templates.filter((t) => t.accountId === accountId);
    const match = local.find((t) => t.contentSid === content.sid) ?? local.find((t) => t.name === name && t.language === language);
    if (match && match.contentSid !== null && match.contentSid !== content.sid) {
      result.skipped.push({ name: content.friendlyName, reason: skipReasonText.linkedElsewhere });
      continue;
    }
    if (!match) {
      const created: StoredTemplate = { id: newId(), accountId, name, language, ...fromTwilio(content, null), createdAt: at, updatedAt: at, version: 1 };
      draft.templates.push(created);
      recordAudit(draft, 'created', 'template', { id: created.id, name: templateAuditName(created) });
      result.added += 1;
      continue;
    }
    const values = fromTwilio(content, match);
    if (changedFields(match, values).length === 0) {
      result.unchanged += 1;
      continue;
    }
    const before = structuredClone(match);
    Object.assign(match, values, { updatedAt: at, version: match.version + 1 });
    recordUpdate(draft, 'template', { id: match.id, name: templateAuditName(match) }, before, values);
    result.updated += 1;
  }
  return result;
}

/** An address on this machine only, which Twilio cannot call (the server's rule for PUBLIC_URL). */
function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

function sandboxStatus(data: Readonly<MockData>, accountId: string, origin: string): SandboxStatus {
  const stored = data.sandboxes.find((s) => s.accountId === accountId);
  return {
    isSandbox: data.numbers.some((n) => n.accountId === accountId && n.number === SANDBOX_NUMBER),
    sandboxNumber: SANDBOX_NUMBER,
    joinCode: stored?.joinCode ?? null,
    inboundUrl: `${origin}/webhooks/twilio/whatsapp/${accountId}`,
    statusCallbackUrl: `${origin}/webhooks/twilio/status/${accountId}`,
    firstInboundAt: stored?.firstInboundAt ?? null,
    publicUrlIsLocal: isLocalUrl(origin),
  };
}

/** Verify credentials, Sync templates and the sandbox checklist of an account. */
export function accountToolsHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const findAccount = (id: string) => db.data.accounts.find((a) => a.id === id);
  const originOf = (request: Request) => new URL(request.url).origin;

  return [
    http.post('/api/whatsapp-accounts/:id/verify', ({ params }) => {
      const account = findAccount(String(params.id));
      if (!account) return notFound('account');
      return HttpResponse.json(verify(account, runtime.now()));
    }),

    http.post('/api/whatsapp-accounts/:id/templates/sync', ({ params }) => {
      const accountId = String(params.id);
      const account = findAccount(accountId);
      if (!account) return notFound('account');
      // Twilio answers the Content API as it answers the credential check (the demo rule above).
      const outcome = demoVerifyOutcome(account.authTokenHint);
      if (outcome === 'rejected') {
        return problem(conflictBody('Twilio refused the Account SID or auth token. Check them on the account, then sync again.', []));
      }
      if (outcome === 'unreachable') {
        return problem({
          type: problemTypes.unavailable,
          title: 'Twilio did not answer',
          status: 502,
          detail: 'Twilio could not be reached. Check the server’s internet connection and try again.',
        });
      }
      return HttpResponse.json(db.write((draft) => syncTemplates(draft, accountId, runtime.now())));
    }),

    http.get('/api/whatsapp-accounts/:id/sandbox', ({ params, request }) => {
      const accountId = String(params.id);
      if (!findAccount(accountId)) return notFound('account');
      return HttpResponse.json(sandboxStatus(db.data, accountId, originOf(request)));
    }),

    http.put('/api/whatsapp-accounts/:id/sandbox', async ({ params, request }) => {
      const accountId = String(params.id);
      if (!findAccount(accountId)) return notFound('account');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = sandboxJoinCodeInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error);
      const { joinCode } = parsed.data;
      db.write((draft) => {
        let stored = draft.sandboxes.find((s) => s.accountId === accountId);
        if (!stored) {
          stored = { accountId, joinCode: null, firstInboundAt: null };
          draft.sandboxes.push(stored);
        }
        if (stored.joinCode === joinCode) return;
        stored.joinCode = joinCode;
        const account = draft.accounts.find((a) => a.id === accountId)!;
        account.updatedAt = runtime.now().toISOString();
        recordAudit(draft, 'updated', 'account', account, ['sandboxJoinCode']);
      });
      return HttpResponse.json(sandboxStatus(db.data, accountId, originOf(request)));
    }),
  ];
}
