import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
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

/** Signs in as this user in a fresh browser context of its own (not the administrator's stored session). */
export async function signInAs(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/conversations');
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  return page;
}

/** A customer writes to a business number through the simulator, as from their phone. */
export async function customerWritesTo(request: APIRequestContext, businessNumber: string, customer: { phone: string; name: string }, body: string) {
  const answer = await simulator(request, 'POST', '/_sim/inbound', { accountSid: simulatorAccount.accountSid, from: customer.phone, to: businessNumber, body, profileName: customer.name });
  expect(answer.status).toBe(200);
}

/** What the simulator's Twilio was asked to send to a customer. */
export async function sentToCustomer(request: APIRequestContext, phone: string): Promise<string[]> {
  const state = (await simulator(request, 'GET', '/_sim/messages')) as { sent: { to: string; body: string }[] };
  return state.sent.filter((m) => m.to === `whatsapp:${phone}` || m.to === phone).map((m) => m.body);
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

type AdminApi = Awaited<ReturnType<typeof adminApi>>;

interface ChannelOptions {
  name: string;
  number: string;
  fallbackQueueId: string;
  capacityUnits: number;
  keepSameAgent: boolean;
  automatedMessages: { trigger: 'greeting' | 'agentAssigned' | 'outOfHours'; language: 'en'; text: string }[];
}

/**
 * A channel on the simulator's account, as an administrator would set it up (the wizards have
 * specs of their own): the account with one number, a push workstream for Available agents, and
 * its WhatsApp setup in English.
 */
export async function simulatorChannel(api: AdminApi, options: ChannelOptions) {
  const account = await api<{ id: string; numbers: { id: string }[] }>('POST', '/api/whatsapp-accounts', {
    name: `${options.name} account`,
    channel: 'whatsapp',
    accountSid: simulatorAccount.accountSid,
    authToken: simulatorAccount.authToken,
    numbers: [{ name: `${options.name} line`, number: options.number }],
  });
  const workstream = await api<{ id: string; version: number }>('POST', '/api/workstreams', {
    name: `${options.name} WhatsApp`,
    type: 'messaging',
    channel: 'whatsapp',
    distributionMode: 'push',
    fallbackQueueId: options.fallbackQueueId,
    capacity: { mode: 'unit', value: options.capacityUnits },
    blockCapacityForWrapUp: false,
    allowedPresences: ['available'],
    skillMatching: 'none',
    keepSameAgent: options.keepSameAgent,
    advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies: [] },
  });
  await api('PUT', `/api/workstreams/${workstream.id}/whatsapp`, {
    version: workstream.version,
    numberId: account.numbers[0]!.id,
    language: 'en',
    automatedMessages: options.automatedMessages,
    survey: { mode: 'off' },
    attachments: { customersCanSend: true, agentsCanSend: true },
  });
  return { account, workstream };
}
