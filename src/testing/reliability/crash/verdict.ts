import type { SimSentMessage } from '@/twilio-sim';
import type { StoredState } from './stored-state';

export interface InboundVerdict {
  /** Answered 200 and not stored. */
  missing: string[];
  /** Stored more than once. */
  duplicated: string[];
  /** Stored although nobody posted it. */
  phantom: string[];
}

/** Every webhook answered 200 is stored exactly once, and nothing else appears. */
export function judgeInbound(state: StoredState, acknowledged: Set<string>, posted: Set<string>): InboundVerdict {
  return {
    missing: [...acknowledged].filter((sid) => !state.inbound.has(sid)),
    duplicated: [...state.inbound].filter(([, rows]) => rows > 1).map(([sid]) => sid),
    phantom: [...state.inbound.keys()].filter((sid) => !posted.has(sid)),
  };
}

export interface SentAgain {
  body: string;
  sends: { sid: string; at: Date }[];
  storedSid: string | null;
}

export interface OutboundVerdict {
  /** Answered 201 and not in the database. */
  lost: string[];
  /** In the database although no agent wrote it. */
  phantom: string[];
  /** Stored and never received by Twilio. */
  neverSent: string[];
  /** Received by Twilio with no message of ours behind it. */
  unknownAtTwilio: string[];
  /** Not finished: still pending, failed, or without the sid Twilio gave it. */
  unfinished: string[];
  /** Received by Twilio more than once. */
  sentAgain: SentAgain[];
}

/**
 * Each reply reaches Twilio exactly once, and keeps the sid Twilio gave it: a send a kill cut short
 * is found at Twilio after the restart instead of being sent again (docs/decisions/0016).
 */
export function judgeOutbound(state: StoredState, acknowledged: Set<string>, written: Set<string>, sentAtTwilio: SimSentMessage[]): OutboundVerdict {
  const stored = new Map(state.outbound.map((row) => [row.body, row]));
  const sendsByBody = new Map<string, SimSentMessage[]>();
  for (const message of sentAtTwilio) {
    const body = message.body ?? '';
    sendsByBody.set(body, [...(sendsByBody.get(body) ?? []), message]);
  }
  const unfinished = state.outbound
    .filter((row) => {
      const sends = sendsByBody.get(row.body) ?? [];
      return row.status === 'pending' || row.status === 'failed' || row.twilioSid === null || !sends.some((send) => send.sid === row.twilioSid);
    })
    .map((row) => `${row.body} (${row.status}, ${row.errorCode ?? 'no error'}, sid ${row.twilioSid ?? 'none'})`);
  const sentAgain: SentAgain[] = [...sendsByBody]
    .filter(([, sends]) => sends.length > 1)
    .map(([body, sends]) => ({ body, sends: sends.map((send) => ({ sid: send.sid, at: send.createdAt })), storedSid: stored.get(body)?.twilioSid ?? null }));

  return {
    lost: [...acknowledged].filter((body) => !stored.has(body)),
    phantom: state.outbound.filter((row) => !written.has(row.body)).map((row) => row.body),
    neverSent: state.outbound.filter((row) => !sendsByBody.has(row.body)).map((row) => row.body),
    unknownAtTwilio: [...sendsByBody.keys()].filter((body) => !stored.has(body)),
    unfinished,
    sentAgain,
  };
}
