// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { SimSentMessage } from '@/twilio-sim';
import type { StoredState } from './stored-state';
import { judgeInbound, judgeOutbound } from './verdict';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second));
const send = (body: string, sid: string, second: number) => ({ body, sid, createdAt: at(second) }) as SimSentMessage;
const state = (values: Partial<StoredState>): StoredState => ({ journal: 0, outbox: 0, inbound: new Map(), outbound: [], ...values });
const stored = (body: string, twilioSid: string) => ({ body, twilioSid, status: 'read', errorCode: null });

describe('the crash test’s verdict', () => {
  it('finds an acknowledged webhook missing, one stored twice, and one nobody posted', () => {
    const inbound = new Map([
      ['SM1', 1],
      ['SM2', 2],
      ['SM9', 1],
    ]);
    expect(judgeInbound(state({ inbound }), new Set(['SM1', 'SM2', 'SM3']), new Set(['SM1', 'SM2', 'SM3']))).toEqual({
      missing: ['SM3'],
      duplicated: ['SM2'],
      phantom: ['SM9'],
    });
  });

  it('finds a reply sent twice, even when the sid kept is one of its sends', () => {
    const outbound = [stored('a', 'SMa2'), stored('c', 'SMc1')];
    const sent = [send('a', 'SMa1', 1), send('a', 'SMa2', 5), send('c', 'SMc1', 3)];
    const verdict = judgeOutbound(state({ outbound }), new Set(['a', 'c']), new Set(['a', 'c']), sent);
    expect(verdict.sentAgain).toEqual([{ body: 'a', sends: [{ sid: 'SMa1', at: at(1) }, { sid: 'SMa2', at: at(5) }], storedSid: 'SMa2' }]);
    expect(verdict.unfinished).toEqual([]);
  });

  it('finds a reply lost, never sent, sent without a message, or stored with another send’s sid', () => {
    const outbound = [stored('kept', 'SMk1'), stored('unsent', 'SMx'), stored('resent', 'SMr1')];
    const sent = [send('kept', 'SMk1', 1), send('stranger', 'SMs1', 2), send('resent', 'SMr2', 5)];
    const verdict = judgeOutbound(state({ outbound }), new Set(['kept', 'lost']), new Set(['kept', 'lost', 'unsent', 'resent']), sent);
    expect(verdict.lost).toEqual(['lost']);
    expect(verdict.neverSent).toEqual(['unsent']);
    expect(verdict.unknownAtTwilio).toEqual(['stranger']);
    expect(verdict.unfinished).toEqual([expect.stringContaining('unsent'), expect.stringContaining('resent')]);
  });
});
