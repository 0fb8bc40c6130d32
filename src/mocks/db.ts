import type { AuditEvent } from '@/api/contract/audit-event';
import type { Conversation, Message } from '@/api/contract/conversation';
import type { MessageTemplate } from '@/api/contract/message-template';
import type { Queue } from '@/api/contract/queue';
import type { User } from '@/api/contract/user';
import type { WhatsAppSetup } from '@/api/contract/whatsapp-setup';
import type { Workstream } from '@/api/contract/workstream';
import type { RoutingCondition } from '@/domain/routing-rules';
import type { Presence } from '@/domain/work-distribution/presence';
import type { Skill } from '@/domain/work-distribution/skills';

export interface StoredAccount {
  id: string;
  name: string;
  channel: 'whatsapp';
  accountSid: string;
  /** The mock keeps only the hint: a demo never needs the token itself. */
  authTokenHint: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StoredNumber {
  id: string;
  accountId: string;
  name: string;
  number: string;
  createdAt: string;
  version: number;
}

/** Members are users, by id (in the order they were added); their names and presence are looked up. */
export type StoredQueue = Omit<Queue, 'usedBy' | 'members'> & { memberIds: string[] };

export type StoredTemplate = MessageTemplate;

export interface StoredRoutingRule {
  id: string;
  name: string;
  conditions: RoutingCondition[];
  queueId: string;
  requiredSkills: Skill[];
}

/** The "Set up WhatsApp" result as stored: names of the number and account are looked up. */
export type StoredWhatsAppSetup = Omit<WhatsAppSetup, 'number' | 'numberName' | 'accountId' | 'accountName'>;

export interface StoredWorkstream
  extends Omit<Workstream, 'fallbackQueueName' | 'whatsapp' | 'routingRuleCount'> {
  whatsapp: StoredWhatsAppSetup | null;
  routing: { rules: StoredRoutingRule[]; version: number; updatedAt: string };
}

export interface StoredUser extends User {
  /** In clear: demo passwords are made up and shown on the sign-in page, not secrets (unlike tokens, see docs/decisions/0003). */
  password: string;
  /**
   * The presence they chose. The demo counts every user as around (the signed-in one is,
   * seeded ones stand for colleagues at work), so it is also the effective one.
   */
  presence: Presence;
  /** The last time the assignment pass gave them a conversation; null if never. */
  lastAssignedAt: string | null;
}

export type StoredAuditEvent = AuditEvent;

/** A conversation without what is looked up when it is shown (names, mode, attachment rules). */
export type StoredConversation = Omit<
  Conversation,
  'workstreamName' | 'queueName' | 'distributionMode' | 'assigneeName' | 'attachments' | 'waitReason'
> & {
  /** Creation order, for ties of lastMessageAt and stable pages. */
  seq: number;
  /** The skills its routing rule asks of an agent. */
  requiredSkills: Skill[];
  /** The out-of-hours message went (or was skipped with a note) already: once per conversation. */
  outOfHoursNotified: boolean;
  /** Who released it: routing does not hand it straight back to them (absent: nobody). */
  releasedBy?: string | null;
};

/** Messages are kept in the order they were written, which is the order the API shows. */
export type StoredMessage = Message;

/** An attachment's description; the bytes live in memory (src/mocks/media-store.ts), not in storage. */
export interface StoredMedia {
  id: string;
  conversationId: string;
  /** Null while an agent's upload waits to be sent. */
  messageId: string | null;
  contentType: string;
  filename: string | null;
  size: number;
  uploadedBy: string | null;
  createdAt: string;
}

/** What the sandbox checklist needs of an account: the join code, and when the first message came. */
export interface StoredSandbox {
  accountId: string;
  joinCode: string | null;
  firstInboundAt: string | null;
}

export interface MockData {
  accounts: StoredAccount[];
  numbers: StoredNumber[];
  queues: StoredQueue[];
  workstreams: StoredWorkstream[];
  templates: StoredTemplate[];

  // Sign-in: the users and the browser's one session.
  users: StoredUser[];
  session: { userId: string | null };

  /** Oldest first, as they were recorded; the API answers newest first. */
  auditEvents: StoredAuditEvent[];

  // Live conversations (src/mocks/conversations-db.ts).
  conversations: StoredConversation[];
  messages: StoredMessage[];
  media: StoredMedia[];
  sandboxes: StoredSandbox[];
}

/** Where the demo keeps its data between page loads; tests keep none. */
export interface MockStorage {
  load(): MockData | null;
  save(data: MockData): void;
}

export type MockDb = ReturnType<typeof createMockDb>;

export function createMockDb(seed: () => MockData, storage?: MockStorage) {
  let data: MockData = storage?.load() ?? seed();

  return {
    get data(): Readonly<MockData> {
      return data;
    },
    /** Applies a change and persists it; a change that throws leaves nothing behind. */
    write<T>(change: (draft: MockData) => T): T {
      const draft = structuredClone(data);
      const result = change(draft);
      data = draft;
      storage?.save(data);
      return result;
    },
    reset(): void {
      data = seed();
      storage?.save(data);
    },
  };
}

export function browserStorage(key: string): MockStorage {
  return {
    load() {
      try {
        const raw = localStorage.getItem(key);
        const stored: unknown = raw ? JSON.parse(raw) : null;
        return isMockData(stored) ? stored : null;
      } catch {
        return null;
      }
    },
    save(data) {
      try {
        localStorage.setItem(key, JSON.stringify(data));
      } catch {
        // Storage full or disabled: the demo still works, it just forgets on reload.
      }
    },
  };
}

/** Checks the outline only: enough that a stray or half-written value cannot break the demo. */
function isMockData(value: unknown): value is MockData {
  if (typeof value !== 'object' || value === null) return false;
  const outline = value as Partial<Record<keyof MockData, unknown>>;
  const collections: (keyof MockData)[] = [
    'accounts', 'numbers', 'queues', 'workstreams', 'templates', 'users', 'auditEvents',
    'conversations', 'messages', 'media', 'sandboxes',
  ];
  return collections.every((key) => Array.isArray(outline[key])) && isSession(outline.session);
}

function isSession(value: unknown): value is MockData['session'] {
  if (typeof value !== 'object' || value === null) return false;
  const { userId } = value as { userId?: unknown };
  return userId === null || typeof userId === 'string';
}
