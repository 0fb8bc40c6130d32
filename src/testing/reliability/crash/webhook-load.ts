import { freshNumber } from '../../server/channel-fixture';
import { inboundEntries, newMessageSid, signedForm } from '../../server/twilio-webhooks';

export interface WebhookLoadOptions {
  /** The server's public URL: requests go there and are signed over it. */
  publicUrl: string;
  accountId: string;
  accountSid: string;
  authToken: string;
  businessNumber: string;
  connections: number;
  customers: number;
  /** Share of posts that repeat a webhook already answered 200 (Twilio does, now and then). */
  replayShare: number;
}

export interface WebhookLoad {
  /** MessageSids the server answered 200 for. */
  readonly acknowledged: Set<string>;
  /** Every MessageSid posted, answered or not. */
  readonly attempted: Set<string>;
  counts(): { posts: number; acknowledgedPosts: number; replays: number; refused: number; failed: number };
  /** Lets each connection finish the request it has in flight. */
  stop(): Promise<void>;
}

interface Webhook {
  sid: string;
  body: string;
  signature: string;
}

/**
 * Signed inbound webhooks from several connections, as Twilio sends them: a webhook not answered
 * 200 (refused, reset, no server) is posted again with the same MessageSid until it is.
 */
export function startWebhookLoad(options: WebhookLoadOptions): WebhookLoad {
  const path = `/webhooks/twilio/whatsapp/${options.accountId}`;
  const customers = Array.from({ length: options.customers }, () => freshNumber());
  const acknowledged = new Set<string>();
  const attempted = new Set<string>();
  const answered: Webhook[] = [];
  const counts = { posts: 0, acknowledgedPosts: 0, replays: 0, refused: 0, failed: 0 };
  let stopping = false;
  let serial = 0;

  const fresh = (): Webhook => {
    const n = ++serial;
    const sid = newMessageSid();
    const entries = inboundEntries({
      from: customers[n % customers.length]!,
      to: options.businessNumber,
      body: `Crash-safety message ${n}`,
      accountSid: options.accountSid,
      profileName: `Customer ${n % customers.length}`,
      messageSid: sid,
    });
    return { sid, ...signedForm(options.authToken, `${options.publicUrl}${path}`, entries) };
  };

  const post = async (webhook: Webhook): Promise<boolean> => {
    counts.posts++;
    attempted.add(webhook.sid);
    try {
      const response = await fetch(`${options.publicUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhook.signature },
        body: webhook.body,
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      if (response.status === 200) return true;
      counts.refused++;
    } catch {
      counts.failed++;
    }
    return false;
  };

  const connection = async () => {
    while (!stopping) {
      if (answered.length > 0 && Math.random() < options.replayShare) {
        counts.replays++;
        if (await post(answered[Math.floor(Math.random() * answered.length)]!)) counts.acknowledgedPosts++;
        continue;
      }
      const webhook = fresh();
      // Twilio's retries: the same webhook until it is answered 200 (unless the run ends first).
      while (!stopping) {
        if (await post(webhook)) {
          counts.acknowledgedPosts++;
          acknowledged.add(webhook.sid);
          answered.push(webhook);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const running = Array.from({ length: options.connections }, () => connection());

  return {
    acknowledged,
    attempted,
    counts: () => ({ ...counts }),
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
