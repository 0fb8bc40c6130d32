import { connect } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import type { FuzzRequest } from './bad-input-requests';

/* How the bad-input test reads and reports the server's answers. */

/** What the server answers on a raw connection to `request` (written as is). */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
  });
}

/** A raw HTTP/1.1 answer as status, lower-case headers and body. */
export function parseRawAnswer(answer: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

const preview = (text: string | Buffer | undefined, length = 400) => {
  if (text === undefined) return '(none)';
  const shown = JSON.stringify(String(text).slice(0, length));
  return text.length > length ? `${shown}… (${text.length} characters)` : shown;
};

/** The request and the answer, for a failure message that says what to send to reproduce it. */
export function describeExchange(request: FuzzRequest, status: number, headers: Record<string, unknown>, body: string): string {
  return [
    `${request.method} ${preview(request.url, 300)} as ${request.as} (${request.kind})`,
    `  request headers: ${preview(JSON.stringify(request.headers), 600)}`,
    `  request body: ${preview(request.body)}`,
    `  answered ${status} ${String(headers['content-type'] ?? '')}: ${preview(body)}`,
  ].join('\n');
}

/** What is wrong with an answer: a 5xx, or a refusal that is not an RFC 9457 problem (type, title, its status). */
export function problemIssues(status: number, headers: Record<string, unknown>, body: string): string[] {
  if (status >= 500) return [`answered ${status}`];
  if (status < 400) return [];
  const contentType = String(headers['content-type'] ?? '');
  if (!contentType.startsWith(PROBLEM_CONTENT_TYPE)) return [`refused as ${contentType || 'no content type'}, not ${PROBLEM_CONTENT_TYPE}`];
  let problem: { type?: unknown; title?: unknown; status?: unknown };
  try {
    problem = JSON.parse(body) as typeof problem;
  } catch {
    return ['the problem document is not JSON'];
  }
  const issues: string[] = [];
  if (typeof problem.type !== 'string' || problem.type === '') issues.push('the problem has no type');
  if (typeof problem.title !== 'string' || problem.title === '') issues.push('the problem has no title');
  if (problem.status !== status) issues.push(`the problem says status ${String(problem.status)}`);
  return issues;
}

