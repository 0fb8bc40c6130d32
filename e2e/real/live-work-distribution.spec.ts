import type { Page } from '@playwright/test';
import { expect, expectPageAccessible, test, toast } from '../fixtures';
import { firstAdministrator } from './credentials';
import { adminApi, customerWritesTo, sentToCustomer, setServerClockOffset, signInAs, simulator, simulatorAccount, simulatorChannel } from './live-setup';

/*
 * Work distribution against the real server and the Twilio simulator: a customer writes while
 * the queue is closed and gets the out-of-hours message; when the queue opens (the server's clock
 * moves past the opening time) the conversation goes to the available agent with room, and the
 * customer gets "agent assigned" with the agent's name; a second customer waits while that agent
 * is full and is assigned the moment the first conversation closes; a transfer moves it to
 * another queue. Runs in the serial live project: it moves the server's clock.
 */

const BUSINESS_NUMBER = '+15550001717';
const agent = { name: 'Aino Agentti', email: 'aino.agentti@example.test', password: 'a long agent password 17' };
const customers = { first: { phone: '+358401117001', name: 'Eka Asiakas' }, second: { phone: '+358401117002', name: 'Toka Asiakas' } };
const OUT_OF_HOURS = 'We are closed right now. We answer as soon as we open.';
const assignedText = (name: string) => `${name} will help you now.`;

/** A time zone where it is now between 01:00 and 21:00, so that today's opening period fits before midnight. */
function daytimeZone(now: Date): { timeZone: string; day: string; minute: number } {
  for (const timeZone of ['UTC', 'Europe/Helsinki', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata']) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    const minute = Number(part('hour')) * 60 + Number(part('minute'));
    if (minute >= 60 && minute < 21 * 60) return { timeZone, day: part('weekday').toLowerCase(), minute };
  }
  throw new Error('No daytime zone found');
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const customerWrites = (page: Page, customer: { phone: string; name: string }, body: string) => customerWritesTo(page.request, BUSINESS_NUMBER, customer, body);
const sentTo = (page: Page, phone: string) => sentToCustomer(page.request, phone);

test.afterAll(() => setServerClockOffset(0));

test('work goes to the available agent with room: out of hours first, the next customer waits until room frees, a transfer moves it', async ({ browser }) => {
  await simulator((await browser.newContext()).request, 'POST', '/_sim/reset', {});
  const admin = await signInAs(browser, firstAdministrator);
  const api = await adminApi(admin);

  const now = new Date();
  const zone = daytimeZone(now);
  // Opens at the next whole minute but one, and stays open until midnight.
  const opensAt = zone.minute + 2;
  const user = await api<{ id: string }>('POST', '/api/users', { ...agent, role: 'agent', capacity: 1 });
  const daytime = await api<{ id: string }>('POST', '/api/queues', {
    name: 'Daytime',
    type: 'messaging',
    priority: 1,
    memberIds: [user.id],
    operatingHours: { timeZone: zone.timeZone, periods: [{ day: zone.day, open: hhmm(opensAt), close: '24:00' }] },
  });
  await api('POST', '/api/queues', { name: 'Billing desk', type: 'messaging', priority: 2, memberIds: [], operatingHours: null });
  const { account } = await simulatorChannel(api, {
    name: 'Routing',
    number: BUSINESS_NUMBER,
    fallbackQueueId: daytime.id,
    capacityUnits: 1,
    keepSameAgent: false,
    automatedMessages: [
      { trigger: 'agentAssigned', language: 'en', text: assignedText('{{agent}}') },
      { trigger: 'outOfHours', language: 'en', text: OUT_OF_HOURS },
    ],
  });
  await simulator(admin.request, 'PUT', `/_sim/accounts/${simulatorAccount.accountSid}/inbound-url`, {
    url: new URL(`/webhooks/twilio/whatsapp/${account.id}`, admin.url()).href,
  });

  const agentPage = await signInAs(browser, agent);
  await test.step('the agent is Available in the header', async () => {
    await agentPage.getByRole('button', { name: /Your presence: \w+/ }).click();
    await agentPage.getByRole('menuitemradio', { name: 'Available' }).click();
    await expect(agentPage.getByRole('button', { name: 'Your presence: Available. Change' })).toBeVisible();
  });

  await test.step('outside opening hours the customer gets the out-of-hours message and the conversation waits', async () => {
    await customerWrites(admin, customers.first, 'Hello, is anyone there?');
    await expect.poll(() => sentTo(admin, customers.first.phone), { timeout: 15_000 }).toContain(OUT_OF_HOURS);
    await admin.goto('/conversations');
    await admin.getByRole('link', { name: customers.first.name }).click();
    await expect(admin.getByText('Waits for opening hours')).toBeVisible();
    await expectPageAccessible(admin);
  });

  await test.step('when the queue opens the conversation goes to the agent, and the customer hears their name', async () => {
    const local = daytimeZone(new Date());
    setServerClockOffset((opensAt - local.minute) * 60_000 + 5_000);
    await expect.poll(() => sentTo(admin, customers.first.phone), { timeout: 30_000 }).toContain(assignedText(agent.name));
    await agentPage.goto('/conversations?assignedToMe=true');
    await expect(agentPage.getByRole('link', { name: customers.first.name })).toBeVisible();
  });

  await test.step('a second customer waits while the agent is full', async () => {
    await customerWrites(admin, customers.second, 'I need help with my invoice');
    await admin.goto('/conversations');
    await admin.getByRole('link', { name: customers.second.name }).click();
    await expect(admin.getByText('Waits for an agent with room')).toBeVisible();
    await admin.goto('/queue-overview');
    await expect(admin.getByRole('heading', { name: 'Queue overview', level: 1 })).toBeVisible();
    await expect(admin.getByRole('row', { name: /Daytime/ })).toContainText(agent.name);
    await expectPageAccessible(admin);
  });

  await test.step('closing the first conversation frees room: the second goes to the agent at once', async () => {
    await agentPage.getByRole('link', { name: customers.first.name }).click();
    await agentPage.getByRole('button', { name: 'Close conversation' }).click();
    await agentPage.getByRole('alertdialog').getByRole('button', { name: 'Close conversation' }).click();
    await expect(toast(agentPage, `The conversation with ${customers.first.name} was closed.`)).toBeVisible();
    await expect.poll(() => sentTo(admin, customers.second.phone), { timeout: 15_000 }).toContain(assignedText(agent.name));
  });

  await test.step('the agent transfers the second conversation to another queue', async () => {
    await agentPage.goto('/conversations?assignedToMe=true');
    await agentPage.getByRole('link', { name: customers.second.name }).click();
    await agentPage.getByRole('button', { name: 'Transfer' }).click();
    const dialog = agentPage.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'A queue' }).check();
    await dialog.getByRole('combobox', { name: /Queue/ }).selectOption({ label: 'Billing desk' });
    await expectPageAccessible(agentPage);
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await expect(toast(agentPage, `The conversation with ${customers.second.name} was transferred to Billing desk.`)).toBeVisible();
    await admin.goto('/conversations');
    await admin.getByRole('link', { name: customers.second.name }).click();
    await expect(admin.getByText(/transferred the conversation to the queue Billing desk/)).toBeVisible();
    await expect(admin.getByText('Waits for an agent with room')).toBeVisible();
  });
});
