/**
 * One key prefix per resource: every query of a resource starts with it, so a mutation
 * invalidates a resource by naming it, and two features reading the same endpoint share
 * one cache entry.
 */
export const resourceKeys = {
  accounts: ['whatsapp-accounts'],
  templates: ['message-templates'],
  workstreams: ['workstreams'],
  routingRules: ['routing-rules'],
  queues: ['queues'],
  users: ['users'],
  session: ['session'],
  setupStatus: ['setup-status'],
  auditEvents: ['audit-events'],
  conversations: ['conversations'],
  sandbox: ['sandbox'],
} as const satisfies Record<string, readonly [string]>;

export type Resource = keyof typeof resourceKeys;
