import type { Page } from '@playwright/test';
import { expect, expectPageAccessible, test } from '../fixtures';
import { firstAdministrator } from './credentials';
import { adminApi, customerWritesTo, sentToCustomer, setServerClockOffset, signInAs, simulator, simulatorAccount, simulatorChannel } from './live-setup';
import { BOT_TIMEOUT_MS } from '@/domain/bot/bot-protocol';
import { startSampleBot, type SampleBot } from '@/sample-bot/server';

/*
 * A workstream's bot against the real server and the Twilio simulator (docs/bot-api.md): the
 * sample bot (src/sample-bot) runs in this process on a free port with a shared secret, so
 * every request the server sends it has its signature checked as a third party would. A
 * customer gets the bot's menu, answers "1", and the hand-off with topic=billing routes the
 * conversation by the rule "topic equals billing" to Billing, whose Available agent is notified,
 * reads the bot's part and answers with a quick reply. A bot that stops answering is handed over
 * after the 5-second timeout. Runs in the serial live project, beside the other live specs.
 */

const BUSINESS_NUMBER = '+15550001818';
const BOT_SECRET = 'e2e-sample-bot-shared-secret-18';
const agent = { name: 'Veera Vastaaja', email: 'veera.vastaaja@example.test', password: 'a long agent password 18' };
const customers = { billing: { phone: '+358401118001', name: 'Eeva Asiakas' }, stalled: { phone: '+358401118002', name: 'Olli Odottaja' } };
const QUICK_REPLY = { title: 'Billing greeting', body: 'Hi {{customerName}}, this is {{agent}} from {{queue}}. About your {{topic}} question:' };
const quickReplyFilled = `Hi ${customers.billing.name}, this is ${agent.name} from Billing. About your billing question:`;

interface ConversationView {
  id: string;
  workstreamId: string | null;
  customer: { phone: string; waId: string };
  queueName: string | null;
  assigneeName: string | null;
  waitReason: string | null;
  contextVariables: Record<string, string>;
  bot: { name: string; active: boolean; turns: number; handoff: { reason: string; detail: string | null; at: string } | null } | null;
}

const bots: SampleBot[] = [];
const botLog: string[] = [];

async function startBot(stallAfterTurn: number | null) {
  const bot = await startSampleBot({ secret: BOT_SECRET, stallAfterTurn, log: (line) => botLog.push(line) });
  bots.push(bot);
  return bot;
}

test.afterAll(async () => {
  setServerClockOffset(0);
  await Promise.all(bots.splice(0).map((bot) => bot.close()));
});

/** The customer's open conversation, as an administrator reads it through the API. */
async function conversationOf(page: Page, phone: string): Promise<ConversationView | undefined> {
  const api = await adminApi(page);
  const open = await api<{ items: ConversationView[] }>('GET', '/api/conversations?status=open&limit=200');
  return open.items.find((c) => c.customer.phone === phone || c.customer.waId === phone.replace(/^\+/, ''));
}

test('the bot answers first, hands over with topic=billing to the Billing agent, who answers with a quick reply; a silent bot is handed over after 5 s', async ({ browser }) => {
  await simulator((await browser.newContext()).request, 'POST', '/_sim/reset', {});
  setServerClockOffset(0);
  const admin = await signInAs(browser, firstAdministrator);
  const api = await adminApi(admin);
  const menuBot = await startBot(null);

  const { workstream } = await test.step('a channel whose bot gets new conversations first, a topic variable, a quick reply and a rule on the topic', async () => {
    const user = await api<{ id: string }>('POST', '/api/users', { ...agent, role: 'agent', capacity: 2 });
    // Nobody works the fallback queue: a conversation reaching the agent proves the rule sent it to Billing.
    const frontDesk = await api<{ id: string }>('POST', '/api/queues', { name: 'Bot front desk', type: 'messaging', priority: 1, memberIds: [], operatingHours: null });
    const billing = await api<{ id: string }>('POST', '/api/queues', { name: 'Billing', type: 'messaging', priority: 1, memberIds: [user.id], operatingHours: null });
    const channel = await simulatorChannel(api, { name: 'Bot', number: BUSINESS_NUMBER, fallbackQueueId: frontDesk.id, capacityUnits: 2, keepSameAgent: false, automatedMessages: [] });
    await simulator(admin.request, 'PUT', `/_sim/accounts/${simulatorAccount.accountSid}/inbound-url`, {
      url: new URL(`/webhooks/twilio/whatsapp/${channel.account.id}`, admin.url()).href,
    });

    const current = await api<{ version: number }>('GET', `/api/workstreams/${channel.workstream.id}`);
    const withAdvanced = await api<{ version: number }>('PATCH', `/api/workstreams/${channel.workstream.id}`, {
      version: current.version,
      advanced: {
        notificationTemplate: 'messagingIncoming',
        contextVariables: [{ name: 'topic', type: 'text' }],
        quickReplies: [{ ...QUICK_REPLY, translations: [] }],
      },
    });
    const withBot = await api<{ bot: { url: string; insecureUrl: boolean; secretHint: string } | null }>('PUT', `/api/workstreams/${channel.workstream.id}/bot`, {
      version: withAdvanced.version,
      name: 'Menu bot',
      url: menuBot.url,
      secret: BOT_SECRET,
      firstToBot: true,
      maxTurns: 10,
    });
    expect(withBot.bot).toEqual(expect.objectContaining({ url: menuBot.url, insecureUrl: true, secretHint: BOT_SECRET.slice(-4) }));
    expect(JSON.stringify(withBot)).not.toContain(BOT_SECRET);

    const rules = await api<{ version: number }>('GET', `/api/workstreams/${channel.workstream.id}/routing-rules`);
    await api('PUT', `/api/workstreams/${channel.workstream.id}/routing-rules`, {
      version: rules.version,
      rules: [{ name: 'Billing topic', conditions: [{ field: 'contextVariable', variable: 'topic', operator: 'equals', value: 'billing' }], queueId: billing.id }],
    });
    return channel;
  });

  const agentPage = await signInAs(browser, agent);
  await test.step('the agent is Available in the header', async () => {
    await agentPage.getByRole('button', { name: /Your presence: \w+/ }).click();
    await agentPage.getByRole('menuitemradio', { name: 'Available' }).click();
    await expect(agentPage.getByRole('button', { name: 'Your presence: Available. Change' })).toBeVisible();
  });

  await test.step('a new customer gets the bot\'s menu, and no agent gets the conversation while the bot has it', async () => {
    await customerWritesTo(admin.request, BUSINESS_NUMBER, customers.billing, 'Hello, I have a question about my bill');
    await expect.poll(() => sentToCustomer(admin.request, customers.billing.phone), { timeout: 15_000 }).toContainEqual(expect.stringContaining('1 Billing'));
    await expect
      .poll(() => conversationOf(admin, customers.billing.phone))
      .toMatchObject({ waitReason: 'bot', assigneeName: null, bot: { name: 'Menu bot', active: true, turns: 1, handoff: null } });
  });

  await test.step('the customer answers "1": the bot thanks them and hands over with topic=billing, the rule sends it to Billing and its agent is notified', async () => {
    await customerWritesTo(admin.request, BUSINESS_NUMBER, customers.billing, '1');
    await expect(agentPage.getByText('New conversation in Billing').first()).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => sentToCustomer(admin.request, customers.billing.phone), { timeout: 15_000 }).toContainEqual(expect.stringContaining('billing team will be with you'));
    await expect
      .poll(() => conversationOf(admin, customers.billing.phone))
      .toMatchObject({
        workstreamId: workstream.id,
        queueName: 'Billing',
        assigneeName: agent.name,
        contextVariables: { topic: 'billing' },
        bot: { active: false, handoff: { reason: 'requested' } },
      });
  });

  await test.step('the agent reads the bot\'s part, the hand-off and the topic', async () => {
    await agentPage.goto('/conversations?assignedToMe=true');
    await agentPage.getByRole('link', { name: customers.billing.name }).click();
    await expect(agentPage.getByRole('heading', { name: customers.billing.name, level: 1 })).toBeVisible();
    await expect(agentPage.getByRole('article').filter({ hasText: 'How can we help?' })).toBeVisible();
    await expect(agentPage.getByRole('article').filter({ hasText: 'billing team will be with you shortly' })).toBeVisible();
    await expect(agentPage.getByText(/Menu bot handed the conversation to agents in the queue Billing/)).toBeVisible();
    await expect(agentPage.getByText('topic', { exact: true }).first()).toBeVisible();
    await expect(agentPage.getByText('billing', { exact: true }).first()).toBeVisible();
    await expectPageAccessible(agentPage);
  });

  await test.step('the agent answers with the quick reply, its variables filled for this conversation', async () => {
    const conversation = (await conversationOf(admin, customers.billing.phone))!;
    const agentApi = await adminApi(agentPage);
    const replies = await agentApi<{ items: { title: string; text: string }[] }>('GET', `/api/conversations/${conversation.id}/quick-replies`);
    expect(replies.items).toEqual([expect.objectContaining({ title: QUICK_REPLY.title, text: quickReplyFilled })]);

    await agentPage.getByRole('button', { name: 'Quick replies' }).click();
    const choice = agentPage
      .getByRole('menuitem', { name: new RegExp(QUICK_REPLY.title) })
      .or(agentPage.getByRole('option', { name: new RegExp(QUICK_REPLY.title) }))
      .or(agentPage.getByRole('button', { name: new RegExp(QUICK_REPLY.title) }));
    await expect(choice.first()).toBeVisible();
    await expectPageAccessible(agentPage);
    await choice.first().click();
    await expect(agentPage.getByRole('textbox', { name: 'Message' })).toHaveValue(quickReplyFilled);
    await agentPage.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(agentPage.getByRole('article').filter({ hasText: quickReplyFilled })).toBeVisible();
    await expect.poll(() => sentToCustomer(admin.request, customers.billing.phone), { timeout: 15_000 }).toContain(quickReplyFilled);
  });

  await test.step('a bot that stops answering is handed over after the 5-second timeout, and agents are told why', async () => {
    const silentBot = await startBot(2);
    const current = await api<{ version: number }>('GET', `/api/workstreams/${workstream.id}`);
    // Another address (another port) needs the secret again, so it is given again.
    await api('PUT', `/api/workstreams/${workstream.id}/bot`, { version: current.version, name: 'Menu bot', url: silentBot.url, secret: BOT_SECRET, firstToBot: true, maxTurns: 10 });

    await customerWritesTo(admin.request, BUSINESS_NUMBER, customers.stalled, 'Hi');
    await expect.poll(() => sentToCustomer(admin.request, customers.stalled.phone), { timeout: 15_000 }).toContainEqual(expect.stringContaining('1 Billing'));
    const askedAt = Date.now();
    await customerWritesTo(admin.request, BUSINESS_NUMBER, customers.stalled, 'I do not know');
    await expect.poll(async () => (await conversationOf(admin, customers.stalled.phone))?.bot?.handoff?.reason ?? null, { timeout: BOT_TIMEOUT_MS + 10_000, intervals: [250] }).toBe('timeout');
    const waited = Date.now() - askedAt;
    expect(waited).toBeGreaterThanOrEqual(BOT_TIMEOUT_MS - 500);
    expect(waited).toBeLessThan(BOT_TIMEOUT_MS + 10_000);
    expect(botLog.some((line) => /turn 2: stalling on purpose/.test(line))).toBe(true);

    // No topic was set: the rules fall through to the fallback queue.
    const handedOver = await conversationOf(admin, customers.stalled.phone);
    expect(handedOver).toMatchObject({ queueName: 'Bot front desk', contextVariables: {}, bot: { active: false } });
    await admin.goto('/conversations');
    await admin.getByRole('link', { name: customers.stalled.name }).click();
    await expect(admin.getByText(/handed the conversation to agents in the queue Bot front desk: the bot did not answer within 5 seconds/)).toBeVisible();
    await expectPageAccessible(admin);
  });
});
