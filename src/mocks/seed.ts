import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { DEFAULT_USER_CAPACITY } from '@/domain/work-distribution/capacity';
import type { MockData, StoredQueue, StoredTemplate, StoredUser, StoredWorkstream } from './db';
import { DEMO_BOT_NAME, demoConversations } from './seed-conversations';

const SEEDED_AT = '2026-01-15T09:30:00.000Z';
const LATER = '2026-02-03T12:05:00.000Z';

/** Ids of the demo data that tests and the walkthrough refer to. */
export const demoIds = {
  sandboxAccount: '7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01',
  sandboxNumber: 'c5d1f0a2-9e33-4b7c-8f61-2a4b6c8d0e12',
  nordicAccount: '2f6c8a10-5d7e-4b91-a3c2-7e8f90a1b2c3',
  helsinkiNumber: '3a7d9b21-6e8f-4ca2-b4d3-8f9a01b2c3d4',
  stockholmNumber: '4b8eac32-7f90-4db3-85e4-90ab12c3d4e5',
  generalQueue: '5c9fbd43-8a01-4ec4-96f5-a1bc23d4e5f6',
  finnishQueue: '6da0ce54-9b12-4fd5-a706-b2cd34e5f6a7',
  billingQueue: '7eb1df65-ac23-4016-b817-c3de45f6a7b8',
  supportWorkstream: '8fc2e076-bd34-4127-8928-d4ef56a7b8c9',
  salesWorkstream: '90d3f187-ce45-4238-9a39-e5f067b8c9da',
  adminUser: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  agentUser: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  /** Available, with room: where the demo's new conversations go. */
  ainoAgent: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  /** Busy, which the support workstream does not allow: gets nothing new. */
  samAgent: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80',
  /** Away: the billing expert nobody can reach, so billing conversations wait. */
  priyaAgent: 'e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8091',
} as const;

/** The password of both demo users; the demo's sign-in page shows it. */
export const DEMO_PASSWORD = 'demo-password';

/** The only setup link token the demo accepts, for trying the first-administrator page. */
export const DEMO_SETUP_TOKEN = 'demo-setup-token';

function user(
  id: string,
  name: string,
  email: string,
  role: StoredUser['role'],
  routing: Partial<Pick<StoredUser, 'presence' | 'capacity' | 'skills'>> = {},
): StoredUser {
  return {
    id,
    name,
    email,
    role,
    password: DEMO_PASSWORD,
    presence: 'available',
    capacity: DEFAULT_USER_CAPACITY,
    skills: [],
    lastAssignedAt: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    lastSignInAt: null,
    version: 1,
    ...routing,
  };
}

/** An administrator and an agent; every seed starts signed in as the administrator. */
function demoUsers(): Pick<MockData, 'users' | 'session'> {
  return {
    users: [
      user(demoIds.adminUser, 'Aino Admin', 'aino.admin@demo.test', 'admin'),
      user(demoIds.agentUser, 'Eero Agent', 'eero.agent@demo.test', 'agent', { skills: [{ name: 'English', level: 6 }] }),
    ],
    session: { userId: demoIds.adminUser },
  };
}

const weekdayHours = (open: string, close: string) =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open, close }));

/** The demo's colleagues, signed in elsewhere as far as routing knows: one free, one Busy, one Away. */
function colleagues(): StoredUser[] {
  return [
    user(demoIds.ainoAgent, 'Aino Virtanen', 'aino.virtanen@contoso.example', 'agent', {
      capacity: 4,
      skills: [{ name: 'Finnish', level: 9 }, { name: 'English', level: 7 }],
    }),
    user(demoIds.samAgent, 'Sam Taylor', 'sam.taylor@contoso.example', 'agent', {
      presence: 'busy',
      capacity: 2,
      skills: [{ name: 'English', level: 8 }, { name: 'Billing', level: 5 }],
    }),
    user(demoIds.priyaAgent, 'Priya Patel', 'priya.patel@contoso.example', 'agent', {
      presence: 'away',
      skills: [{ name: 'Billing', level: 9 }, { name: 'English', level: 9 }],
    }),
  ];
}

function queue(
  id: string,
  name: string,
  priority: number,
  memberIds: string[],
  hours: StoredQueue['operatingHours'],
  pendingMembers: StoredQueue['pendingMembers'] = [],
): StoredQueue {
  return { id, name, type: 'messaging', priority, memberIds, pendingMembers, operatingHours: hours, createdAt: SEEDED_AT, updatedAt: SEEDED_AT, version: 1 };
}

function template(id: string, fields: Pick<StoredTemplate, 'name' | 'language' | 'category' | 'body' | 'examples' | 'status'> & Partial<StoredTemplate>): StoredTemplate {
  return {
    id,
    accountId: demoIds.sandboxAccount,
    contentSid: null,
    rejectionReason: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    version: 1,
    ...fields,
  };
}

/** The demo workstream's context variable, set by its bot, and its quick replies in English and Finnish. */
const supportAdvanced: StoredWorkstream['advanced'] = {
  notificationTemplate: 'messagingIncomingWithPreview',
  contextVariables: [{ name: 'topic', type: 'text' }],
  quickReplies: [
    {
      id: 'e1c0a001-5b2d-4c3e-8f40-000000000001',
      title: 'Greeting',
      body: 'Hi {{customerName}}, this is {{agent}}. How can I help?',
      translations: [{ language: 'fi', body: 'Hei {{customerName}}, täällä {{agent}}. Miten voin auttaa?' }],
    },
    {
      id: 'e1c0a001-5b2d-4c3e-8f40-000000000002',
      title: 'Billing hours',
      body: 'Our billing team answers on weekdays 9–17 (UK time). {{queue}} will get back to you.',
      translations: [{ language: 'fi', body: 'Laskutustiimimme vastaa arkisin klo 9–17 (Iso-Britannian aikaa). {{queue}} palaa asiaan.' }],
    },
    {
      id: 'e1c0a001-5b2d-4c3e-8f40-000000000003',
      title: 'Closing',
      body: 'Thanks for contacting Contoso, {{customerName}}. Have a great day!',
      translations: [{ language: 'fi', body: 'Kiitos, että otit yhteyttä Contosoon, {{customerName}}. Hyvää päivänjatkoa!' }],
    },
  ],
};

const baseWorkstream = {
  type: 'messaging',
  channel: 'whatsapp',
  capacity: { mode: 'unit', value: 1 },
  blockCapacityForWrapUp: true,
  wrapUpMinutes: 5,
  allowedPresences: ['available', 'busy'],
  skillMatching: 'closest',
  skillFallbackMinutes: 10,
  keepSameAgent: true,
  keepSameAgentDays: 7,
  advanced: {
    notificationTemplate: 'messagingIncomingWithPreview',
    contextVariables: [],
    quickReplies: [],
  },
  bot: null,
  createdAt: SEEDED_AT,
  updatedAt: LATER,
  version: 2,
} satisfies Partial<StoredWorkstream>;

/**
 * Demo data: a complete setup an evaluator can explore at once. The account on Twilio's
 * sandbox is bound to a workstream with rules; a second account has two numbers and a
 * workstream not yet set up. SIDs are made up and no token is stored.
 */
export function demoSeed(): MockData {
  return {
    accounts: [
      {
        id: demoIds.sandboxAccount,
        name: 'Contoso support (sandbox)',
        channel: 'whatsapp',
        accountSid: 'AC0123456789abcdef0123456789abcdef',
        authTokenHint: '4c2e',
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        version: 1,
      },
      {
        id: demoIds.nordicAccount,
        name: 'Contoso Nordics',
        channel: 'whatsapp',
        accountSid: 'ACfedcba9876543210fedcba9876543210',
        authTokenHint: '9b1d',
        createdAt: LATER,
        updatedAt: LATER,
        version: 1,
      },
    ],
    numbers: [
      { id: demoIds.sandboxNumber, accountId: demoIds.sandboxAccount, name: 'Twilio sandbox', number: TWILIO_SANDBOX_NUMBER, createdAt: SEEDED_AT, version: 1 },
      { id: demoIds.helsinkiNumber, accountId: demoIds.nordicAccount, name: 'Helsinki service', number: '+358505550101', createdAt: LATER, version: 1 },
      { id: demoIds.stockholmNumber, accountId: demoIds.nordicAccount, name: 'Stockholm service', number: '+46705550102', createdAt: LATER, version: 1 },
    ],
    queues: [
      // The demo agent is a member: signed in as Eero, the queue's conversations are his to answer.
      queue(demoIds.generalQueue, 'General support', 5, [demoIds.ainoAgent, demoIds.samAgent, demoIds.agentUser], null),
      queue(
        demoIds.finnishQueue,
        'Finnish customers',
        3,
        [demoIds.ainoAgent],
        { timeZone: 'Europe/Helsinki', periods: weekdayHours('08:00', '17:00') },
        // From before members were users: shown on the queue page to invite or remove.
        [{ name: 'Mikko Lahtinen', email: 'mikko.lahtinen@contoso.example' }],
      ),
      // Closed at night, at lunch and at weekends: the demo's customers meet the out-of-hours message.
      queue(demoIds.billingQueue, 'Billing', 2, [demoIds.samAgent, demoIds.priyaAgent], {
        timeZone: 'Europe/London',
        periods: [...weekdayHours('09:00', '12:00'), ...weekdayHours('13:00', '17:30')],
      }),
    ],
    workstreams: [
      {
        ...baseWorkstream,
        id: demoIds.supportWorkstream,
        name: 'WhatsApp customer support',
        distributionMode: 'push',
        fallbackQueueId: demoIds.generalQueue,
        // Only Available agents, and only those with the rule's skills (any after 10 minutes).
        allowedPresences: ['available'],
        skillMatching: 'exact',
        advanced: supportAdvanced,
        // Played in the browser by the sample bot's menu (src/domain/bot/menu-bot.ts); never called.
        bot: { name: DEMO_BOT_NAME, url: 'https://bot.example.com/whatsapp', firstToBot: true, maxTurns: 10, secretHint: '7f3a', insecureUrl: false },
        whatsapp: {
          numberId: demoIds.sandboxNumber,
          language: 'en',
          automatedMessages: [
            { trigger: 'greeting', language: 'en', text: 'Hi! Thanks for writing to Contoso. An agent will be with you shortly.' },
            { trigger: 'greeting', language: 'fi', text: 'Hei! Kiitos viestistäsi Contosolle. Asiakaspalvelija vastaa pian.' },
            { trigger: 'agentAssigned', language: 'en', text: 'You are now chatting with {{agent}}.' },
            { trigger: 'agentAssigned', language: 'fi', text: 'Sinua palvelee nyt {{agent}}.' },
            { trigger: 'outOfHours', language: 'en', text: 'We are closed right now. We answer on weekdays (Helsinki time) and will be with you when we open.' },
            { trigger: 'outOfHours', language: 'fi', text: 'Olemme nyt suljettuina. Vastaamme arkisin (Suomen aikaa) heti kun aukeamme.' },
          ],
          survey: { mode: 'link', url: 'https://survey.contoso.example/whatsapp' },
          attachments: { customersCanSend: true, agentsCanSend: true },
          updatedAt: LATER,
        },
        routing: {
          version: 1,
          updatedAt: LATER,
          rules: [
            {
              id: 'a1e4f298-df56-4349-8b4a-f60178c9daeb',
              name: 'Finnish numbers',
              conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358' }],
              queueId: demoIds.finnishQueue,
              requiredSkills: [{ name: 'Finnish', level: 5 }],
            },
            {
              id: 'b2f503a9-e067-445a-9c5b-0712890aebfc',
              name: 'Invoices and payments',
              conditions: [{ field: 'firstMessage', operator: 'contains', value: 'invoice' }],
              queueId: demoIds.billingQueue,
              requiredSkills: [{ name: 'Billing', level: 5 }],
            },
            {
              // What the bot's menu sets when a customer chooses billing.
              id: 'c3a614ba-f178-456b-9d5c-18239a1bfc0e',
              name: 'Billing topic',
              conditions: [{ field: 'contextVariable', variable: 'topic', operator: 'equals', value: 'billing' }],
              queueId: demoIds.billingQueue,
              requiredSkills: [],
            },
          ],
        },
      },
      {
        ...baseWorkstream,
        id: demoIds.salesWorkstream,
        name: 'Nordic sales',
        distributionMode: 'pick',
        fallbackQueueId: demoIds.generalQueue,
        keepSameAgent: false,
        bot: { name: 'Contoso assistant', url: 'https://assistant.contoso.example/whatsapp', firstToBot: true, maxTurns: 10, secretHint: 'c0de', insecureUrl: false },
        whatsapp: null,
        routing: { version: 1, updatedAt: LATER, rules: [] },
      },
    ],
    templates: [
      template('c3061cba-f178-456b-8d6c-18239a1bfc0d', {
        name: 'order_update',
        language: 'en',
        category: 'utility',
        body: 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.',
        examples: ['Maria', '#4821', 'Friday'],
        status: 'approved',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
      }),
      template('d4172dcb-0289-467c-9e7d-293a0b2c0d1e', {
        name: 'order_update',
        language: 'fi',
        category: 'utility',
        body: 'Hei {{1}}, tilauksesi {{2}} on lähetetty ja sen pitäisi saapua {{3}}.',
        examples: ['Maria', '#4821', 'perjantaina'],
        status: 'approved',
        contentSid: 'HX1123456789abcdef0123456789abcdef',
      }),
      template('e5283edc-139a-478d-af8e-3a4b1c2d3e4f', {
        name: 'follow_up',
        language: 'en',
        category: 'utility',
        body: 'Hello {{1}}, we are following up on your question. Reply to this message to continue the conversation.',
        examples: ['Maria'],
        status: 'pending',
      }),
      template('f6394fed-24ab-489e-b09f-4b5c2d3e4f50', {
        name: 'spring_offer',
        language: 'en',
        category: 'marketing',
        body: 'Spring sale: 20% off everything until {{1}}!',
        examples: ['31 May'],
        status: 'rejected',
        rejectionReason: 'Promotional content needs an opt-out line.',
      }),
    ],
    ...demoUsers(),
    users: [...demoUsers().users, ...colleagues()],
    // Audit log (users/audit work).
    auditEvents: [],
    // Conversations inside and outside the 24-hour window (src/mocks/seed-conversations.ts).
    ...demoConversations(demoIds),
  };
}

/** No channel configuration, but the demo users (signed in as the administrator), as tests expect. */
export function emptySeed(): MockData {
  return {
    accounts: [],
    numbers: [],
    queues: [],
    workstreams: [],
    templates: [],
    ...demoUsers(),
    auditEvents: [],
    conversations: [],
    messages: [],
    media: [],
    sandboxes: [],
  };
}
