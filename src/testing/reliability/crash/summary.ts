import type { Kill } from './crash-run';
import type { StoredState } from './stored-state';
import type { OutboundVerdict } from './verdict';
import type { WebhookLoad } from './webhook-load';
import type { ReplyLoad } from './reply-load';

const time = (ms: number | Date) => new Date(ms).toISOString().slice(11, 23);

/** Sends a kill cut short after Twilio took them, which the restarted outbox found there (its warning in the logs). */
const foundAtTwilio = (output: string) => output.split('an earlier send reached Twilio').length - 1;

/** The run's figures, for the console and docs/reliability.md. */
export function summaryLines(
  label: string,
  run: { kills: Kill[]; webhooks: WebhookLoad; replies: ReplyLoad; state: StoredState; outbound: OutboundVerdict; sends: number; leftBehind: unknown[]; serverOutput: string },
): string[] {
  const { kills, webhooks, replies, state, outbound } = run;
  const counts = webhooks.counts();
  const restarts = kills.filter((kill) => kill.restartMs > 0).map((kill) => kill.restartMs);
  return [
    `crash-safety ${label}: ${kills.length} SIGKILLs at ${kills.map((kill) => time(kill.at) + (kill.duringStart ? ' (while starting)' : '')).join(', ')}; back up in ${restarts.join(', ')} ms`,
    `  inbound: ${webhooks.acknowledged.size} webhooks answered 200 (${counts.posts} posts: ${counts.replays} replays of answered ones, ${counts.failed} without an answer, ${counts.refused} refused), ` +
      `${state.inbound.size} inbound messages stored in all; left in the journal at a graceful stop and stored after the next start: ${JSON.stringify(run.leftBehind)}`,
    `  outbound: ${replies.acknowledged.size} replies answered 201 of ${replies.attempted.size} written, ${state.outbound.length} stored, ${run.sends} sends at Twilio, ` +
      `${outbound.sentAgain.length} sent more than once, ${foundAtTwilio(run.serverOutput)} found at Twilio after a restart instead of sent again`,
    ...outbound.sentAgain.map(
      (repeat) => `    "${repeat.body}": sent at ${repeat.sends.map((send) => time(send.at)).join(' and ')}`,
    ),
  ];
}
