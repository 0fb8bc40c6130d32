import type { APIRequestContext, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { SANDBOX_NUMBER } from '../fixtures';
import { simulatorDemoAccount } from '@/twilio-sim/demo-account';
import { SERVER_DIR } from './credentials';

/** The Twilio simulator beside the e2e server (scripts/e2e-real-server.mjs), started with its default account. */
export const SIMULATOR_URL = `http://127.0.0.1:${process.env.E2E_TWILIO_SIM_PORT ?? '4175'}`;
export const simulatorAccount = simulatorDemoAccount;

/** Moves the e2e server's clock (docs/decisions/0012-test-clock.md). */
export function setServerClockOffset(ms: number) {
  writeFileSync(`${SERVER_DIR}/clock-offset`, String(ms));
}

/** Calls the simulator's control API, as its page does. */
export async function simulator(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', path: string, body?: object) {
  const response = await request.fetch(`${SIMULATOR_URL}${path}`, { method, data: body, headers: { 'content-type': 'application/json' } });
  if (!response.ok()) throw new Error(`simulator ${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** The admin API with the page's session, as the browser calls it (with the CSRF token). */
export async function adminApi(page: Page) {
  const session = await (await page.request.get('/api/session')).json();
  const csrf = String(session.csrfToken);
  const call = async <T>(method: string, path: string, data?: object): Promise<T> => {
    const response = await page.request.fetch(path, { method, data, headers: { 'x-csrf-token': csrf } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return call;
}

/** Frees the sandbox number if an earlier spec (the walkthrough) left an account on it. */
export async function freeSandboxNumber(page: Page) {
  const api = await adminApi(page);
  const accounts = await api<{ items: { id: string; numbers: { number: string }[] }[] }>('GET', '/api/whatsapp-accounts');
  const workstreams = await api<{ items: { id: string; version: number; whatsapp: { number: string } | null }[] }>('GET', '/api/workstreams');
  for (const workstream of workstreams.items) {
    if (workstream.whatsapp?.number === SANDBOX_NUMBER) await api('DELETE', `/api/workstreams/${workstream.id}/whatsapp`);
  }
  for (const account of accounts.items) {
    if (account.numbers.some((n) => n.number === SANDBOX_NUMBER)) await api('DELETE', `/api/whatsapp-accounts/${account.id}`);
  }
}
