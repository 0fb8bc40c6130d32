import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createScratchDatabase } from '../src/testing/server/postgres';
import { startBenchServer } from './ingest/children';
import { postWebhooks, type LoadResult } from './ingest/load';
import { signedInboundWebhooks } from './ingest/signed-webhooks';
import { printRows } from './print';
import type { BenchPart, BenchRow } from './report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const FIXED_RATE = 2_000;

interface Target {
  name: string;
  file: string;
  args: string[];
  /** Whether it stores messages (the ceiling only answers). */
  stores: boolean;
}

interface Measured {
  saturation: LoadResult;
  fixedRate: LoadResult;
  idleRssMb: number;
  peakRssMb: number;
  /** Acknowledged MessageSids not stored, and stored more than once. */
  missing: number;
  duplicated: number;
  /** Acknowledged and still in the journal (durable, not yet a message) when counted. */
  pending: number;
}

async function measure(target: Target, env: Record<string, string>, log: (line: string) => void): Promise<Measured> {
  log(`ingest: starting ${target.name}`);
  const server = await startBenchServer(target.file, target.args, env);
  try {
    const channel = server.ready.channel;
    const accountId = channel?.accountId ?? randomUUID();
    const path = `/webhooks/twilio/whatsapp/${accountId}`;
    const mix = (count: number) =>
      signedInboundWebhooks({
        url: `${server.baseUrl}${path}`,
        authToken: channel?.authToken ?? env.BENCH_AUTH_TOKEN!,
        businessNumber: channel?.number ?? '+358401234567',
        count,
        customers: 5_000,
        mediaShare: 0.1,
        replayShare: 0.05,
      });
    await sleep(1_000);
    const idleRssMb = server.rssMb();
    let peakRssMb = idleRssMb;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 200);
    try {
      const run = (webhooks: ReturnType<typeof mix>, rate?: number) =>
        postWebhooks({ baseUrl: server.baseUrl, path, webhooks, connections: CONNECTIONS, seconds: SECONDS, rate });
      const warmUp = await postWebhooks({ baseUrl: server.baseUrl, path, webhooks: mix(3_000), connections: CONNECTIONS, seconds: 3 });
      log(`ingest: ${target.name} at saturation`);
      const saturation = await run(mix(200_000));
      log(`ingest: ${target.name} at ${FIXED_RATE} req/s`);
      const fixedRate = await run(mix(FIXED_RATE * SECONDS), FIXED_RATE);
      const acknowledged = [...warmUp.acknowledged, ...saturation.acknowledged, ...fixedRate.acknowledged];
      const stored = target.stores ? await server.stats(acknowledged) : null;
      return {
        saturation,
        fixedRate,
        idleRssMb,
        peakRssMb,
        missing: stored ? acknowledged.length - stored.found : 0,
        duplicated: stored?.duplicated ?? 0,
        pending: stored?.pending ?? 0,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await server.stop();
  }
}

function rowsOf(area: string, ours: Measured, ceiling: Measured, express: Measured, targeted: boolean): BenchRow[] {
  const rps = ours.saturation.requestsPerSecond;
  const p99 = ours.fixedRate.p99;
  return [
    {
      area,
      figure: 'saturation throughput',
      value: rps,
      unit: 'req/s',
      baseline: { name: 'bare node:http (ceiling)', value: ceiling.saturation.requestsPerSecond },
      ...(targeted ? { target: '≥ 0.5× ceiling', met: rps >= 0.5 * ceiling.saturation.requestsPerSecond } : {}),
    },
    {
      area,
      figure: 'saturation throughput',
      value: rps,
      unit: 'req/s',
      baseline: { name: 'Express + twilio.webhook() + pg', value: express.saturation.requestsPerSecond },
      ...(targeted ? { target: '≥ 5× Express', met: rps >= 5 * express.saturation.requestsPerSecond } : {}),
    },
    { area, figure: 'saturation p50 / p99 latency', value: ours.saturation.p99, unit: 'ms p99', note: `p50 ${ours.saturation.p50} ms, max ${ours.saturation.max} ms` },
    {
      area,
      figure: `p99 latency at ${FIXED_RATE} req/s`,
      value: p99,
      unit: 'ms',
      baseline: { name: 'Express at the same rate', value: express.fixedRate.p99 },
      ...(targeted ? { target: '≤ 25 ms', met: p99 <= 25 } : {}),
      note: `p50 ${ours.fixedRate.p50} ms, max ${ours.fixedRate.max} ms, ${Math.round(ours.fixedRate.requestsPerSecond)} req/s achieved`,
    },
    { area, figure: 'errors (saturation + fixed rate)', value: ours.saturation.errors + ours.fixedRate.errors, unit: 'requests', target: '0', met: ours.saturation.errors + ours.fixedRate.errors === 0 },
    {
      area,
      figure: 'acknowledged but missing or stored twice',
      value: ours.missing + ours.duplicated,
      unit: 'messages',
      target: '0',
      met: ours.missing + ours.duplicated === 0,
      note: `${ours.missing} missing, ${ours.duplicated} twice; ${ours.pending} of them still in the journal when counted (a minute after the load), the rest stored as messages`,
    },
    { area, figure: 'server RSS at idle', value: ours.idleRssMb, unit: 'MB', baseline: { name: 'bare node:http at idle', value: ceiling.idleRssMb } },
    { area, figure: 'server RSS under ingest (peak)', value: ours.peakRssMb, unit: 'MB', baseline: { name: 'bare node:http under load', value: ceiling.peakRssMb } },
  ];
}

export const ingestBench: BenchPart = {
  name: 'Webhook ingest',
  async run(log) {
    const scratch = await createScratchDatabase('bench_express');
    const env = { BENCH_AUTH_TOKEN: randomBytes(16).toString('hex'), BENCH_DATABASE_URL: scratch.url };
    try {
      const ceiling = await measure({ name: 'ceiling', file: './ceiling-server.ts', args: [], stores: false }, env, log);
      const express = await measure({ name: 'Express', file: './express-server.ts', args: [], stores: true }, env, log);
      const pglite = await measure({ name: 'ours on PGlite', file: './product-server.ts', args: ['pglite'], stores: true }, env, log);
      const postgres = await measure({ name: 'ours on PostgreSQL', file: './product-server.ts', args: ['postgres'], stores: true }, env, log);
      return [
        { area: 'Webhook ingest, baselines', figure: 'ceiling: saturation throughput', value: ceiling.saturation.requestsPerSecond, unit: 'req/s', note: `p99 ${ceiling.saturation.p99} ms` },
        {
          area: 'Webhook ingest, baselines',
          figure: 'Express: saturation throughput',
          value: express.saturation.requestsPerSecond,
          unit: 'req/s',
          note: `p99 ${express.saturation.p99} ms; at ${FIXED_RATE} req/s p99 ${express.fixedRate.p99} ms; ${express.missing + express.duplicated} lost or doubled`,
        },
        ...rowsOf('Webhook ingest, PostgreSQL', postgres, ceiling, express, true),
        ...rowsOf('Webhook ingest, PGlite', pglite, ceiling, express, false),
      ];
    } finally {
      await scratch.drop();
    }
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows(await ingestBench.run((line) => process.stderr.write(`${line}\n`)));
}
