import type { z } from 'zod';
import {
  accountListSchema,
  whatsAppAccountSchema,
  type AccountCreateInput,
  type AccountUpdateInput,
} from './contract/whatsapp-account';
import {
  numberListSchema,
  whatsAppNumberSchema,
  type NumberCreateInput,
  type NumberUpdateInput,
} from './contract/whatsapp-number';
import { queueListSchema, queueOverviewSchema, queueSchema, type QueueCreateInput, type QueueUpdateInput } from './contract/queue';
import { templateListSchema, messageTemplateSchema, type TemplateCreateInput, type TemplateUpdateInput } from './contract/message-template';
import { routingRuleSetSchema, type RoutingRulesInput } from './contract/routing-rule';
import type { WhatsAppSetupInput } from './contract/whatsapp-setup';
import type { BotInput } from './contract/bot';
import { workstreamListSchema, workstreamSchema, type WorkstreamCreateInput, type WorkstreamUpdateInput } from './contract/workstream';
import { auditEventPageSchema, type AuditQuery } from './contract/audit-event';
import {
  CSRF_HEADER,
  sessionAnswerSchema,
  sessionSchema,
  setupStatusSchema,
  type PasswordChangeInput,
  type SessionAnswer,
  type SetupInput,
  type SignInInput,
} from './contract/session';
import { presenceSchema, userListSchema, userSchema, type PresenceInput, type UserCreateInput, type UserUpdateInput } from './contract/user';
import {
  conversationPageSchema,
  conversationSchema,
  mediaUploadSchema,
  messagePageSchema,
  messageSchema,
  transferTargetsSchema,
  quickReplyListSchema,
  type ConversationQuery,
  type SendMessageInput,
  type TransferInput,
} from './contract/conversation';
import { sandboxStatusSchema, templateSyncResultSchema, verifyResultSchema } from './contract/account-tools';
import { contractViolation, networkFailure, problemFromResponse } from './problem';
import { uploadWithProgress } from './upload-with-progress';

export interface ApiClientOptions {
  /** Origin and prefix of the API, e.g. "http://localhost:3000"; empty for the page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body sent as bytes (an upload), not as JSON. */
class RawBody {
  constructor(
    readonly content: Blob,
    readonly headers: Record<string, string>,
    /** How much has gone, 0 to 1, where the browser can tell. */
    readonly onProgress?: (fraction: number) => void,
  ) {}
}

export function createApiClient({ baseUrl = '', fetch: fetchImpl }: ApiClientOptions = {}) {
  /** The session's CSRF token, learnt from the session responses and sent back on every change. */
  let csrfToken: string | null = null;

  async function request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S | null,
    body?: unknown,
  ): Promise<z.output<S>> {
    const doFetch = fetchImpl ?? globalThis.fetch;
    // A file goes as it is, with its own type and headers; everything else as JSON.
    const raw = body instanceof RawBody ? body : null;
    const onProgress = raw?.onProgress;
    const send: typeof fetch =
      onProgress && !fetchImpl && typeof XMLHttpRequest !== 'undefined'
        ? (url, init) => uploadWithProgress(String(url), init ?? {}, onProgress)
        : doFetch;
    let response: Response;
    try {
      response = await send(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(raw ? raw.headers : body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method !== 'GET' && csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
        },
        body: raw ? raw.content : body === undefined ? null : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (cause) {
      throw networkFailure(cause);
    }
    if (!response.ok) throw await problemFromResponse(response);
    if (schema === null) return undefined as z.output<S>;
    const json: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw contractViolation(path, parsed.error.message);
    return parsed.data;
  }

  const accountPath = (id: string) => `/api/whatsapp-accounts/${encodeURIComponent(id)}`;
  const numberPath = (accountId: string, numberId: string) =>
    `${accountPath(accountId)}/numbers/${encodeURIComponent(numberId)}`;
  const templatePath = (accountId: string, templateId: string) =>
    `${accountPath(accountId)}/templates/${encodeURIComponent(templateId)}`;
  const workstreamPath = (id: string) => `/api/workstreams/${encodeURIComponent(id)}`;
  const queuePath = (id: string) => `/api/queues/${encodeURIComponent(id)}`;
  const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

  async function remembered<T extends SessionAnswer>(pending: Promise<T>): Promise<T> {
    const session = await pending;
    csrfToken = session.user === null ? null : session.csrfToken;
    return session;
  }

  return {
    session: {
      /** Who is signed in (`user: null` when nobody is); fails with 401 when the session has ended. */
      get: () => remembered(request('GET', '/api/session', sessionAnswerSchema)),
      signIn: (input: SignInInput) => remembered(request('POST', '/api/session', sessionSchema, input)),
      signOut: async () => {
        await request('DELETE', '/api/session', null);
        csrfToken = null;
      },
      changePassword: (input: PasswordChangeInput) => request('PUT', '/api/session/password', null, input),
      /** The signed-in user's own presence. */
      setPresence: (presence: PresenceInput['presence']) => request('PUT', '/api/session/presence', presenceSchema, { presence }),
    },
    setup: {
      status: () => request('GET', '/api/setup', setupStatusSchema),
      /** Creates the first administrator with the printed link's token, and signs them in. */
      complete: (input: SetupInput) => remembered(request('POST', '/api/setup', sessionSchema, input)),
    },
    users: {
      list: () => request('GET', '/api/users', userListSchema),
      create: (input: UserCreateInput) => request('POST', '/api/users', userSchema, input),
      update: (id: string, input: UserUpdateInput) => request('PATCH', `/api/users/${encodeURIComponent(id)}`, userSchema, input),
      remove: (id: string) => request('DELETE', `/api/users/${encodeURIComponent(id)}`, null),
    },
    auditEvents: {
      list: (query: AuditQuery = {}) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
        const search = params.toString();
        return request('GET', `/api/audit-events${search ? `?${search}` : ''}`, auditEventPageSchema);
      },
    },
    accounts: {
      list: () => request('GET', '/api/whatsapp-accounts', accountListSchema),
      get: (id: string) => request('GET', accountPath(id), whatsAppAccountSchema),
      create: (input: AccountCreateInput) => request('POST', '/api/whatsapp-accounts', whatsAppAccountSchema, input),
      update: (id: string, input: AccountUpdateInput) => request('PATCH', accountPath(id), whatsAppAccountSchema, input),
      remove: (id: string) => request('DELETE', accountPath(id), null),
    },
    numbers: {
      list: (accountId: string) => request('GET', `${accountPath(accountId)}/numbers`, numberListSchema),
      create: (accountId: string, input: NumberCreateInput) =>
        request('POST', `${accountPath(accountId)}/numbers`, whatsAppNumberSchema, input),
      update: (accountId: string, numberId: string, input: NumberUpdateInput) =>
        request('PATCH', numberPath(accountId, numberId), whatsAppNumberSchema, input),
      remove: (accountId: string, numberId: string) => request('DELETE', numberPath(accountId, numberId), null),
    },
    templates: {
      list: (accountId: string) => request('GET', `${accountPath(accountId)}/templates`, templateListSchema),
      create: (accountId: string, input: TemplateCreateInput) =>
        request('POST', `${accountPath(accountId)}/templates`, messageTemplateSchema, input),
      update: (accountId: string, templateId: string, input: TemplateUpdateInput) =>
        request('PATCH', templatePath(accountId, templateId), messageTemplateSchema, input),
      remove: (accountId: string, templateId: string) => request('DELETE', templatePath(accountId, templateId), null),
    },
    accountTools: {
      /** Asks Twilio whether the stored credentials work. */
      verify: (accountId: string) => request('POST', `${accountPath(accountId)}/verify`, verifyResultSchema),
      /** Brings the account's templates in from Twilio's Content API. */
      syncTemplates: (accountId: string) => request('POST', `${accountPath(accountId)}/templates/sync`, templateSyncResultSchema),
      sandbox: (accountId: string) => request('GET', `${accountPath(accountId)}/sandbox`, sandboxStatusSchema),
      saveJoinCode: (accountId: string, joinCode: string) =>
        request('PUT', `${accountPath(accountId)}/sandbox`, sandboxStatusSchema, { joinCode }),
    },
    workstreams: {
      list: () => request('GET', '/api/workstreams', workstreamListSchema),
      get: (id: string) => request('GET', workstreamPath(id), workstreamSchema),
      create: (input: WorkstreamCreateInput) => request('POST', '/api/workstreams', workstreamSchema, input),
      update: (id: string, input: WorkstreamUpdateInput) => request('PATCH', workstreamPath(id), workstreamSchema, input),
      remove: (id: string) => request('DELETE', workstreamPath(id), null),
      /** Saves the "Set up WhatsApp" result; answers the workstream with it. */
      setUpWhatsApp: (id: string, input: WhatsAppSetupInput) =>
        request('PUT', `${workstreamPath(id)}/whatsapp`, workstreamSchema, input),
      /** Removes the WhatsApp setup, which frees its number. */
      removeWhatsApp: (id: string) => request('DELETE', `${workstreamPath(id)}/whatsapp`, null),
      /** Connects or changes the workstream's bot; the secret may be left out to keep the stored one. */
      setBot: (id: string, input: BotInput) => request('PUT', `${workstreamPath(id)}/bot`, workstreamSchema, input),
      /** Removes the bot; conversations it has go to agents. */
      removeBot: (id: string) => request('DELETE', `${workstreamPath(id)}/bot`, null),
    },
    routingRules: {
      get: (workstreamId: string) => request('GET', `${workstreamPath(workstreamId)}/routing-rules`, routingRuleSetSchema),
      replace: (workstreamId: string, input: RoutingRulesInput) =>
        request('PUT', `${workstreamPath(workstreamId)}/routing-rules`, routingRuleSetSchema, input),
    },
    queues: {
      list: () => request('GET', '/api/queues', queueListSchema),
      /** What waits in each queue and who can take it (administrators). */
      overview: () => request('GET', '/api/queues/overview', queueOverviewSchema),
      get: (id: string) => request('GET', queuePath(id), queueSchema),
      create: (input: QueueCreateInput) => request('POST', '/api/queues', queueSchema, input),
      update: (id: string, input: QueueUpdateInput) => request('PATCH', queuePath(id), queueSchema, input),
      remove: (id: string) => request('DELETE', queuePath(id), null),
    },
    conversations: {
      list: (query: ConversationQuery = {}) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
        const search = params.toString();
        return request('GET', `/api/conversations${search ? `?${search}` : ''}`, conversationPageSchema);
      },
      get: (id: string) => request('GET', conversationPath(id), conversationSchema),
      /** A page of messages, oldest first; `before` is the previous page's cursor, for older ones. */
      messages: (id: string, before?: string | null) =>
        request('GET', `${conversationPath(id)}/messages${before ? `?before=${encodeURIComponent(before)}` : ''}`, messagePageSchema),
      send: (id: string, input: SendMessageInput) => request('POST', `${conversationPath(id)}/messages`, messageSchema, input),
      /** Uploads a file to attach to the next message; the name travels URI-encoded in a header. */
      uploadMedia: (id: string, file: Blob, filename: string, onProgress?: (fraction: number) => void) =>
        request(
          'POST',
          `${conversationPath(id)}/media`,
          mediaUploadSchema,
          new RawBody(file, {
            'content-type': file.type || 'application/octet-stream',
            'x-filename': encodeURIComponent(filename),
          }, onProgress),
        ),
      accept: (id: string, version: number) => request('POST', `${conversationPath(id)}/accept`, conversationSchema, { version }),
      close: (id: string, version: number) => request('POST', `${conversationPath(id)}/close`, conversationSchema, { version }),
      /** To another queue (it waits there) or straight to an agent. */
      transfer: (id: string, version: number, to: TransferInput['to']) =>
        request('POST', `${conversationPath(id)}/transfer`, conversationSchema, { version, to }),
      /** The queues and agents it may go to (its assignee or an administrator). */
      transferTargets: (id: string) => request('GET', `${conversationPath(id)}/transfer-targets`, transferTargetsSchema),
      /** The workstream's quick replies for this conversation, in its language, filled in for the signed-in agent. */
      quickReplies: (id: string) => request('GET', `${conversationPath(id)}/quick-replies`, quickReplyListSchema),
      /** Back to its queue, for someone else to take. */
      release: (id: string, version: number) => request('POST', `${conversationPath(id)}/release`, conversationSchema, { version }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client the app uses: same origin, where the demo worker or the server answers. */
export const api = createApiClient();
