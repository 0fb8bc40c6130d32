import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inboundEntries, newMessageSid, signedForm } from '../src/testing/server/twilio-webhooks';
import { customerNumber } from './ingest/agents-setup';
import { nextMessage, startBenchServer, type BenchServer } from './ingest/children';
import { printRows } from './print';
import type { BenchPart, BenchRow } from './report';

const AGENTS = 200;
const RATE = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface AgentStats {
  received: number;
  p50: number;
  p95: number;
  max: number;
}

/** The agents' process: connects the given sessions' event streams and measures each message's way to them. */
function startAgents(baseUrl: string) {
  const child = fork(fileURLToPath(new URL('./live/agents.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_BASE_URL: baseUrl },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T extends { type: string }>(message: object, answer: T['type']) => {
    const reply = nextMessage<T>(child, answer, 120_000);
    child.send(message);
    return reply;
  };
  return {
    connect: (cookies: string[]) => ask<{ type: 'connected'; error?: string }>({ type: 'connect', cookies }, 'connected'),
    disconnect: () => ask<{ type: 'disconnected' }>({ type: 'disconnect' }, 'disconnected'),
    stats: () => ask<AgentStats & { type: 'stats' }>({ type: 'stats' }, 'stats'),
    stop: () => void child.send({ type: 'stop' }),
  };
}

/**
 * Inbound messages at a fixed rate, each signed just before it is sent with its send time in the
 * body. (autocannon builds a request before its rate lets it go, which would count the wait as latency.)
 */
async function sendLive(server: BenchServer, rate: number, seconds: number): Promise<number> {
  const channel = server.ready.channel!;
  const path = `/webhooks/twilio/whatsapp/${channel.accountId}`;
  const url = `${server.baseUrl}${path}`;
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      const entries = inboundEntries({ from: customerNumber(sent % 2_000), to: channel.number, body: `live:${process.hrtime.bigint()}`, messageSid: newMessageSid() });
      const { body, signature } = signedForm(channel.authToken, url, entries);
      const request = fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body })
        .then((response) => response.arrayBuffer())
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await sleep(5);
  }
  await Promise.allSettled(inFlight);
  return sent;
}

export const livePathBench: BenchPart = {
  name: 'Live path',
  async run(log) {
    log('live path: starting our server on PostgreSQL with 200 agents in ten queues');
    const server = await startBenchServer('./product-server.ts', ['postgres', String(AGENTS)]);
    const agents = startAgents(server.baseUrl);
    try {
      const cookies = server.ready.channel!.agentCookies!;
      // Baseline: one agent and a trickle, the same path without load.
      await agents.connect(cookies.slice(0, 1));
      await sendLive(server, 20, 3);
      await sleep(1_000);
      const alone = await agents.stats();
      await agents.disconnect();

      log(`live path: ${AGENTS} agents, ${RATE} messages/s for ${SECONDS} s`);
      const connected = await agents.connect(cookies);
      if (connected.error) throw new Error(connected.error);
      const sent = await sendLive(server, RATE, SECONDS);
      await sleep(2_000);
      const loaded = await agents.stats();
      // Each message goes to the 20 agents of the queue its customer is routed to.
      const expected = sent * (AGENTS / 10);
      const baseline = { name: '1 agent at 20 msg/s', value: alone.p95 };
      return [
        { area: 'Live path (PostgreSQL)', figure: `webhook → agent's event, p50 (${AGENTS} agents, ${RATE} msg/s)`, value: loaded.p50, unit: 'ms', baseline: { ...baseline, value: alone.p50 } },
        { area: 'Live path (PostgreSQL)', figure: `webhook → agent's event, p95 (${AGENTS} agents, ${RATE} msg/s)`, value: loaded.p95, unit: 'ms', baseline, target: '≤ 250 ms', met: loaded.p95 <= 250, note: `max ${Math.round(loaded.max)} ms; ${sent} messages sent` },
        { area: 'Live path (PostgreSQL)', figure: 'events delivered / expected', value: loaded.received / Math.max(expected, 1), unit: '', target: '1', met: loaded.received >= expected, note: `${loaded.received} of ${expected} message events reached their agents` },
      ] satisfies BenchRow[];
    } finally {
      agents.stop();
      await server.stop();
    }
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows(await livePathBench.run((line) => process.stderr.write(`${line}\n`)));
}
