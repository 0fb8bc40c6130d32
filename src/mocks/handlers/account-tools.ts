import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  sandboxJoinCodeInputSchema,
  type SandboxStatus,
  type TemplateSyncResult,
  type VerifyResult,
} from '@/api/contract/account-tools';
import { conflictBody, problemDetails } from '@/api/contract/problem-bodies';
import { problemTypes } from '@/api/contract/problem';
import { templateAuditName } from '@/domain/audit-changes';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { isTemplateAddition, planTemplateSync, type TemplateAddition } from '@/domain/template-sync';
import { recordAudit, recordUpdate } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockData, MockDb, StoredAccount, StoredTemplate } from '../db';
import { newId } from '../ids';
import { notFound, problem, readJson, validationProblem } from '../problem-responses';
import { twilioContent } from '../twilio-content';

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

/**
 * The server's sync (src/server/services/template-sync.ts) on the demo's Twilio contents:
 * the same plan, applied to the draft with the same audit records.
 */
function syncTemplates(draft: MockData, accountId: string, now: Date): TemplateSyncResult {
  const local = draft.templates.filter((t) => t.accountId === accountId);
  const { steps, added, updated, unchanged, skipped } = planTemplateSync(local, twilioContent);
  const at = now.toISOString();
  const created = new Map<TemplateAddition, StoredTemplate>();

  for (const step of steps) {
    if (isTemplateAddition(step)) {
      const template: StoredTemplate = { id: newId(), accountId, name: step.name, language: step.language, ...step.values, createdAt: at, updatedAt: at, version: 1 };
      draft.templates.push(template);
      created.set(step, template);
      recordAudit(draft, 'created', 'template', { id: template.id, name: templateAuditName(template) });
      continue;
    }
    const template = isTemplateAddition(step.template) ? created.get(step.template)! : step.template;
    const before = structuredClone(template);
    Object.assign(template, step.values, { updatedAt: at, version: template.version + 1 });
    recordUpdate(draft, 'template', { id: template.id, name: templateAuditName(template) }, before, step.values);
  }
  return { added, updated, unchanged, skipped, syncedAt: at };
}

/** An address on this machine only, which Twilio cannot call (the server's rule for PUBLIC_URL). */
function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

function sandboxStatus(data: Readonly<MockData>, accountId: string, origin: string): SandboxStatus {
  const stored = data.sandboxes.find((s) => s.accountId === accountId);
  return {
    isSandbox: data.numbers.some((n) => n.accountId === accountId && n.number === TWILIO_SANDBOX_NUMBER),
    sandboxNumber: TWILIO_SANDBOX_NUMBER,
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
        return problem(conflictBody(problemDetails.twilioRefusedCredentials, []));
      }
      if (outcome === 'unreachable') {
        return problem({
          type: problemTypes.unavailable,
          title: 'Twilio did not answer',
          status: 502,
          detail: problemDetails.twilioUnreachable,
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
      if (!parsed.success) return validationProblem(parsed.error, read.body);
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
