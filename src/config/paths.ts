/** Every address of the app in one place, so features can link without knowing the router. */
export const paths = {
  /** Where each role starts: administrators at the accounts, agents at the conversations. */
  home: '/',
  signIn: '/sign-in',
  /** The first administrator's page; the server's printed link adds `#token=…`. */
  setup: '/setup',
  accounts: '/channels/accounts',
  newAccount: '/channels/accounts/new',
  account: (id: string) => `/channels/accounts/${encodeURIComponent(id)}`,
  accountTemplates: (id: string) => `/channels/accounts/${encodeURIComponent(id)}?tab=templates`,
  /** The checklist of an account on Twilio's sandbox number. */
  accountSandbox: (id: string) => `/channels/accounts/${encodeURIComponent(id)}/sandbox`,
  workstreams: '/workstreams',
  newWorkstream: '/workstreams/new',
  workstream: (id: string) => `/workstreams/${encodeURIComponent(id)}`,
  /** The "Set up WhatsApp" wizard; without a step it opens on the first. */
  whatsAppSetup: (id: string, step?: string) =>
    `/workstreams/${encodeURIComponent(id)}/whatsapp${step ? `?step=${encodeURIComponent(step)}` : ''}`,
  routingRules: (id: string) => `/workstreams/${encodeURIComponent(id)}/routing`,
  queues: '/queues',
  newQueue: '/queues/new',
  /** What waits in each queue and who can take it (administrators). */
  queueOverview: '/queue-overview',
  queue: (id: string) => `/queues/${encodeURIComponent(id)}`,
  conversations: '/conversations',
  conversation: (id: string) => `/conversations/${encodeURIComponent(id)}`,
  users: '/users',
  /** The users page with the Add user dialog open, filled in for someone a queue waits for. */
  inviteUser: (name: string, email: string) => `/users?${new URLSearchParams({ invite: email, name }).toString()}`,
  auditLog: '/audit-log',
} as const;
