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
import { contractViolation, networkFailure, problemFromResponse } from './problem';

export interface ApiClientOptions {
  /** Origin and prefix of the API, e.g. "http://localhost:3000"; empty for the page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function createApiClient({ baseUrl = '', fetch: fetchImpl }: ApiClientOptions = {}) {
  async function request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S | null,
    body?: unknown,
  ): Promise<z.output<S>> {
    const doFetch = fetchImpl ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
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

  return {
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
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client the app uses: same origin, where the demo worker or the server answers. */
export const api = createApiClient();
