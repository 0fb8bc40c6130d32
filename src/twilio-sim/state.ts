import { EventEmitter } from 'node:events';
import { stableSid } from './ids';
import { seededTemplates, withSids } from './templates';
import type {
  DeliveryOptions,
  SimAccount,
  SimAccountOptions,
  SimInboundMessage,
  SimSentMessage,
} from './types';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';

const SANDBOX_MEMBERSHIP_MS = 3 * 24 * 60 * 60 * 1000;

export interface StoredMedia {
  accountSid: string;
  messageSid: string;
  contentType: string;
  bytes: Buffer;
  /** The unguessable address the authenticated media URL redirects to, as Twilio's CDN. */
  redirectToken: string;
}

/** Everything the simulator remembers; one instance per running simulator. */
export class SimulatorState {
  readonly accounts = new Map<string, SimAccount>();
  readonly sent: SimSentMessage[] = [];
  readonly inbound: SimInboundMessage[] = [];
  readonly media = new Map<string, StoredMedia>();
  readonly redirects = new Map<string, string>();
  private readonly members = new Map<string, Date>();
  private readonly lastInbound = new Map<string, Date>();
  private offsetMs = 0;
  /** Bumped by reset(), so deliveries that were under way stop. */
  generation = 0;
  deliveredCount = 0;
  readonly changes = new EventEmitter();

  constructor(
    private readonly baseNow: () => Date,
    public delivery: DeliveryOptions,
  ) {
    this.changes.setMaxListeners(0);
  }

  now(): Date {
    return new Date(this.baseNow().getTime() + this.offsetMs);
  }

  advanceTime(ms: number): void {
    this.offsetMs += ms;
    this.notify();
  }

  addAccount(options: SimAccountOptions): SimAccount {
    const account: SimAccount = {
      accountSid: options.accountSid,
      authToken: options.authToken,
      friendlyName: options.friendlyName ?? 'Simulated Twilio account',
      inboundUrl: options.inboundUrl ?? null,
      sandbox: options.sandbox ? { number: options.sandbox.number ?? TWILIO_SANDBOX_NUMBER, joinCode: options.sandbox.joinCode } : null,
      senders: options.senders ?? null,
      templates: withSids(options.accountSid, options.templates ?? seededTemplates),
      status: options.status ?? 'active',
      createdAt: this.now(),
      channelInstallSid: stableSid('XE', options.accountSid),
    };
    this.accounts.set(account.accountSid, account);
    this.notify();
    return account;
  }

  /** The account whose SID and token these are, or null. */
  authenticate(credentials: { username: string; password: string } | null): SimAccount | null {
    if (!credentials) return null;
    const account = this.accounts.get(credentials.username);
    return account && account.authToken === credentials.password ? account : null;
  }

  joinSandbox(accountSid: string, customer: string): void {
    this.members.set(`${accountSid} ${customer}`, this.now());
  }

  leaveSandbox(accountSid: string, customer: string): void {
    this.members.delete(`${accountSid} ${customer}`);
  }

  /** Sandbox membership lasts three days from the join. */
  isSandboxMember(accountSid: string, customer: string): boolean {
    const joinedAt = this.members.get(`${accountSid} ${customer}`);
    return joinedAt !== undefined && this.now().getTime() - joinedAt.getTime() < SANDBOX_MEMBERSHIP_MS;
  }

  noteInbound(accountSid: string, business: string, customer: string): void {
    this.lastInbound.set(`${accountSid} ${business} ${customer}`, this.now());
  }

  lastInboundAt(accountSid: string, business: string, customer: string): Date | null {
    return this.lastInbound.get(`${accountSid} ${business} ${customer}`) ?? null;
  }

  notify(): void {
    this.changes.emit('change');
  }

  /** Forgets messages, media, memberships, windows and the clock's offset; accounts go back to `accounts`. */
  reset(accounts: SimAccountOptions[]): void {
    this.generation += 1;
    this.sent.length = 0;
    this.inbound.length = 0;
    this.media.clear();
    this.redirects.clear();
    this.members.clear();
    this.lastInbound.clear();
    this.offsetMs = 0;
    this.deliveredCount = 0;
    this.accounts.clear();
    for (const account of accounts) this.addAccount(account);
    this.notify();
  }
}
