import { afterAll, afterEach, beforeAll, beforeEach, expect, type TestContext } from 'vitest';
import { createApiClient, type ApiClient } from '@/api/client';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { isValidationCode, validationMessages } from '@/domain/validation-messages';
import { fillEnglish } from '@/domain/validation-params';

/**
 * A backend the scenarios run against: the MSW handlers, or the real server on any of
 * its databases. The suites talk to it over HTTP only.
 */
export interface ScenarioBackend {
  /** Origin (and prefix) the API answers at, without a trailing slash, e.g. "http://127.0.0.1:4010". */
  baseUrl: string;
  /** How to reach it; by default the global fetch at the time of each call (which msw/node intercepts). */
  fetch?: typeof fetch;
  /** Brings the backend back to no data at all; called before every test. */
  reset(): Promise<void>;
  /** Called once after the last test. */
  close(): Promise<void>;
  /**
   * A customer's WhatsApp message arriving at the account (a signed webhook on the server,
   * the demo's simulated traffic in the mock). `from` and `to` are E.164 numbers.
   */
  simulateInbound?(message: { accountId: string; from: string; to: string; body: string; profileName?: string }): Promise<void>;
  /** Moves the backend's clock forward, for the 24-hour window. */
  advanceTime?(ms: number): Promise<void>;
  /**
   * A second browser: its own cookies, no session yet, and only the headers a test gives
   * (no CSRF token unless the test sends one). For backends that hold many sessions.
   */
  newBrowser?(): typeof fetch;
  /** Removes every user (the session ends with them) and answers a valid setup link's token. */
  withoutAdministrator?(): Promise<string>;
}

/** A well-formed id that no backend has handed out. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * What every API scenario suite shares. Call it inside a `describe`: it registers the hooks
 * that start, reset and close the backend, and after each test checks every response on
 * the wire: failures are problem details (RFC 9457) whose status matches the HTTP
 * status, and no response carries an auth token a test sent, nor an "authToken" field.
 */
export function scenarioHarness(setup: () => Promise<ScenarioBackend>) {
  let backend: ScenarioBackend;
  let client: ApiClient;
  /** Every response of the current test, headers and body as text. */
  let responses: string[] = [];
  /** Contract breaches seen on the wire during the current test. */
  let wireProblems: string[] = [];
  /** Every auth token sent during the run, lowercase. */
  const sentTokens = new Set<string>();

  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await (backend.fetch ?? globalThis.fetch)(input, init);
    const text = await response.clone().text();
    const headers = [...response.headers].map(([key, value]) => `${key}: ${value}`).join('\n');
    responses.push(`${headers}\n\n${text}`);
    checkOnTheWire(`${init?.method ?? 'GET'} ${String(input)}`, response, text);
    return response;
  };

  function checkOnTheWire(request: string, response: Response, text: string) {
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status === 204) {
      if (text !== '') wireProblems.push(`${request}: 204 with a body`);
      return;
    }
    if (response.ok) {
      if (!contentType.startsWith('application/json')) wireProblems.push(`${request}: ${response.status} as ${contentType}`);
      return;
    }
    if (!contentType.startsWith(PROBLEM_CONTENT_TYPE)) {
      wireProblems.push(`${request}: ${response.status} as "${contentType}", not ${PROBLEM_CONTENT_TYPE}`);
    }
    const parsed = problemSchema.safeParse(parseJson(text));
    if (!parsed.success) wireProblems.push(`${request}: ${response.status} is not problem details: ${text}`);
    else if (parsed.data.status !== response.status) {
      wireProblems.push(`${request}: HTTP ${response.status} but problem status ${parsed.data.status}`);
    }
  }

  beforeAll(async () => {
    backend = await setup();
    client = createApiClient({ baseUrl: backend.baseUrl, fetch: recordingFetch });
  });

  afterAll(async () => {
    await backend?.close();
  });

  beforeEach(async () => {
    await backend.reset();
    responses = [];
    wireProblems = [];
  });

  afterEach(() => {
    expect(wireProblems, 'responses that break the problem-details rules').toEqual([]);
    const leaks = responses.filter(
      (text) => /"authToken"\s*:/.test(text) || [...sentTokens].some((token) => text.toLowerCase().includes(token)),
    );
    expect(leaks, 'responses that contain an auth token').toEqual([]);
  });

  let serial = 0;
  const chunk = (prefix: string) => `${prefix}${(++serial).toString(16).padStart(6, '0')}`;

  return {
    /** The typed client, recording every response; valid once the suite's beforeAll ran. */
    get client(): ApiClient {
      return client;
    },
    /** How many responses the current test has seen (all of them are checked for leaks). */
    responseCount: () => responses.length,
    /** A number unique within the run, for names. */
    serial: () => ++serial,
    newSid: () => `AC${chunk('5a').repeat(4)}`,
    newNumber: () => `+3584${String(++serial).padStart(8, '0')}`,
    /** An auth token the leak check looks for in every response. */
    newToken(): string {
      const token = chunk('7e').repeat(4);
      sentTokens.add(token);
      return token;
    },
    /** A WhatsApp account of fresh credentials and one fresh number, named "<label> <serial>". */
    newAccount(label: string) {
      return client.accounts.create({
        name: `${label} ${++serial}`,
        channel: 'whatsapp',
        accountSid: this.newSid(),
        authToken: this.newToken(),
        numbers: [{ name: 'Support line', number: this.newNumber() }],
      });
    },
    /** Declares a token sent by hand, so the leak check looks for it too. */
    rememberToken: (token: string) => sentTokens.add(token.toLowerCase()),

    /**
     * A request the harness neither records nor checks: for a stream that never ends
     * (GET /api/events), which the response checks would wait for.
     */
    unrecorded: (path: string, init: RequestInit = {}) => (backend.fetch ?? globalThis.fetch)(`${backend.baseUrl}${path}`, init),

    /** A request sent as is, for what the typed client cannot send. */
    async send(method: string, path: string, options: { body?: string; contentType?: string | null } = {}): Promise<RawResponse> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
      const response = await recordingFetch(`${backend.baseUrl}${path}`, { method, headers, body: options.body ?? null });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, json: parseJson(text) };
    },

    /** The ApiError a request fails with; every field error must carry the wording of its code. */
    async failure(request: Promise<unknown>): Promise<ApiError> {
      let error: unknown;
      try {
        await request;
      } catch (caught) {
        error = caught;
      }
      if (error === undefined) throw new Error('Expected the request to fail, but it succeeded.');
      if (!(error instanceof ApiError)) throw error;
      for (const fieldError of error.fieldErrors) {
        expect(isValidationCode(fieldError.code), `known code: ${fieldError.code}`).toBe(true);
        if (isValidationCode(fieldError.code)) expect(fieldError.message).toBe(fillEnglish(validationMessages[fieldError.code], fieldError.params ?? {}));
      }
      return error;
    },

    /** "path code" of each field error, sorted, for exact comparisons. */
    fieldCodes: (error: ApiError) => error.fieldErrors.map((e) => `${e.path} ${e.code}`).sort(),

    expectProblem(error: ApiError, status: number, type: string) {
      expect(error.status).toBe(status);
      expect(error.problem.type).toBe(type);
      expect(error.problem.title).not.toBe('');
    },
  };
}

export type ScenarioHarness = ReturnType<typeof scenarioHarness>;

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

declare module 'vitest' {
  interface TaskMeta {
    /** Why a test skipped itself at run time; the JSON report carries it to the test summary. */
    skipReason?: string;
  }
}

/** Skips the running test with a reason the summary of `npm test` prints (scripts/test-summary.mjs). */
export function skipBecause(context: TestContext, reason: string): never {
  context.task.meta.skipReason = reason;
  return context.skip(reason);
}
