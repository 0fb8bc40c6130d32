// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { byIntensity, HARD, intensityTimeout } from '../server/intensity';
import { describeOnPostgres } from '../server/each-database';
import { setUpChannel } from './crash/channel-setup';
import { startCrashRun, type CrashRun } from './crash/crash-run';
import { startReplyLoad } from './crash/reply-load';
import { summaryLines } from './crash/summary';
import { startWebhookLoad } from './crash/webhook-load';
import { judgeInbound, judgeOutbound } from './crash/verdict';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A moment between min and max ms from now: kills land wherever the load happens to be. */
const randomMs = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * SIGKILL under load: the real server (a child process, as `npm start` runs it) takes signed
 * webhooks from several connections while agents' replies go out through the outbox to the
 * Twilio simulator; it is killed at random moments and started again on the same data.
 * Webhooks answered 200 must be stored exactly once, and every reply must reach Twilio exactly
 * once: a send a kill cut short (Twilio accepted it, its sid was not committed) is found at
 * Twilio after the restart instead of being sent again (docs/decisions/0016).
 */
function crashSafety(kind: 'pglite' | 'postgres', kills: number, killsDuringStart: number) {
  let run: CrashRun | undefined;
  let loads: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    // After a failure or a timeout too: no load goes on posting, no server process is left.
    await Promise.all(loads.map((load) => load.stop()));
    loads = [];
    await run?.close();
    run = undefined;
  });

  it(
    `stores every webhook answered 200 exactly once and sends every reply exactly once, across ${kills} SIGKILL${kills > 1 ? 's' : ''}` +
      (killsDuringStart > 0 ? ` and ${killsDuringStart} more while restarting` : ''),
    async () => {
      run = await startCrashRun(kind);
      const { channel, adminFetch, conversationIds } = await setUpChannel(run.server, run.simulator, 6);
      const webhooks = startWebhookLoad({
        publicUrl: run.server.publicUrl,
        accountId: channel.account.id,
        accountSid: channel.account.accountSid,
        authToken: channel.authToken,
        businessNumber: channel.number,
        connections: byIntensity(6, 8),
        customers: 40,
        replayShare: 0.05,
      });
      const replies = startReplyLoad({ publicUrl: run.server.publicUrl, fetchAs: adminFetch, conversationIds, writers: 2, pauseMs: 200 });
      loads = [webhooks, replies];
      for (let n = 0; n < kills; n++) {
        await sleep(byIntensity(randomMs(1_500, 4_000), randomMs(2_000, 7_000)));
        // The last ones also kill the restarted server before it listens (opening the database, catching up).
        await run.killAndRestart(n >= kills - killsDuringStart ? { againDuringStartAfterMs: randomMs(200, 1_500) } : {});
      }
      await sleep(2_000);
      await webhooks.stop();
      await replies.stop();

      // Whatever was queued goes out: wait for the replies answered 201 at "Twilio", then stop and count.
      const simulator = run.simulator;
      const sentBodies = () => new Set(simulator.sentMessages().map((message) => message.body));
      for (const deadline = Date.now() + 90_000; [...replies.acknowledged].some((body) => !sentBodies().has(body)) && Date.now() < deadline; ) await sleep(200);
      const { state, leftBehind } = await run.drained((stored) => stored.journal === 0 && stored.outbox === 0);

      const postedByCustomers = new Set([...webhooks.attempted, ...simulator.inboundMessages().map((message) => message.messageSid)]);
      const inbound = judgeInbound(state, webhooks.acknowledged, postedByCustomers);
      const outbound = judgeOutbound(state, replies.acknowledged, replies.attempted, simulator.sentMessages());
      const label = `${kind}${HARD ? ' (hard)' : ''}`;
      const sends = simulator.sentMessages().length;
      console.log(summaryLines(label, { kills: run.kills, webhooks, replies, state, outbound, sends, leftBehind, serverOutput: run.outputs() }).join('\n'));

      expect(state.journal, 'webhooks left in the journal').toBe(0);
      expect(state.outbox, 'messages left in the outbox').toBe(0);
      expect(inbound).toEqual({ missing: [], duplicated: [], phantom: [] });
      expect(webhooks.acknowledged.size).toBeGreaterThan(0);
      expect(outbound.lost, 'replies answered 201 and lost').toEqual([]);
      expect(outbound.phantom).toEqual([]);
      expect(outbound.neverSent, 'replies never sent').toEqual([]);
      expect(outbound.unknownAtTwilio).toEqual([]);
      expect(outbound.unfinished).toEqual([]);
      expect(outbound.sentAgain, `replies sent more than once; kills at ${run.kills.map((kill) => new Date(kill.at).toISOString()).join(', ')}; servers printed:\n${run.outputs()}`).toEqual([]);
      expect(replies.acknowledged.size).toBeGreaterThan(0);
      expect(run.kills).toHaveLength(kills + killsDuringStart);
      // PGlite: each kill of a running server left its lock behind, and the restart took it over.
      const killedRunning = run.kills.filter((kill) => !kill.duringStart);
      if (kind === 'pglite') expect(killedRunning.map((kill) => kill.staleLock)).toEqual(killedRunning.map(() => true));
    },
    intensityTimeout(150_000, 300_000),
  );
}

describe('crash safety on PGlite', () => crashSafety('pglite', byIntensity(2, 5), byIntensity(0, 2)));
describeOnPostgres('crash safety on PostgreSQL', () => crashSafety('postgres', byIntensity(1, 5), byIntensity(0, 2)));
