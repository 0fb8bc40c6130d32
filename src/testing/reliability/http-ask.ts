import { CSRF_HEADER } from '@/api/contract/session';

/** A Set-Cookie header taken apart; attribute names in lower case ("secure": ""). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown>;
  headers: Headers;
  cookies: SetCookie[];
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';');
  const equals = pair.indexOf('=');
  const attributes = new Map<string, string>();
  for (const part of rest) {
    const at = part.indexOf('=');
    const name = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
    attributes.set(name, at === -1 ? '' : part.slice(at + 1).trim());
  }
  return { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim(), attributes };
}

/** One request as a browser of this origin sends it: JSON body, cookie, CSRF header as given. */
export async function ask(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string; csrf?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers[CSRF_HEADER] = options.csrf;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON: the text is there to look at.
  }
  return { status: response.status, text, json, headers: response.headers, cookies: response.headers.getSetCookie().map(parseSetCookie) };
}

/** The `name=value` of the session cookie an answer set, to send back. */
export function sessionCookieOf(answer: Answer): string {
  const cookie = answer.cookies[0];
  if (!cookie) throw new Error(`No cookie was set (status ${answer.status}: ${answer.text})`);
  return `${cookie.name}=${cookie.value}`;
}
