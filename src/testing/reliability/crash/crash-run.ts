import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTwilioSimulator, type TwilioSimulator } from '@/twilio-sim';
import { LOCK_FILE } from '../../../server/db/data-dir-lock';
import { OUTBOX_DEFAULTS } from '../../../server/services/outbox-worker';
import { createScratchDatabase } from '../../server/postgres';
import { freePortInRange, launchServerProcess, startServerProcess, type ServerProcess, type ServerSetup } from '../server-process';
import { pendingWork, readStoredState, type StoredState } from './stored-state';
import { startLatencyProxy, type LatencyProxy } from './twilio-latency';

export interface Kill {
  /** Date.now() just before the signal. */
  at: number;
  pid: number;
  /** PGlite: the killed process's lock was still in the data directory (the restart had to take it over). */
  staleLock: boolean | null;
  /** From the kill to the restarted server listening; 0 when the restart was killed in turn. */
  restartMs: number;
  /** Killed while starting (opening the database, catching up), before it listened. */
  duringStart: boolean;
}

export interface CrashRun {
  readonly setup: ServerSetup;
  readonly simulator: TwilioSimulator;
  readonly server: ServerProcess;
  readonly kills: Kill[];
  /** What every server process of the run printed, the killed ones too. */
  outputs(): string;
  /**
   * SIGKILL now, then the same server on the same data again; with `againDuringStartAfterMs`,
   * the restarted one is killed that long after its launch too, and started once more.
   */
  killAndRestart(options?: { againDuringStartAfterMs?: number }): Promise<void>;
  /** Stops the server gracefully, reads the database, and starts it again when work is left. */
  drained(isDone: (state: StoredState) => boolean, rounds?: number): Promise<{ state: StoredState; leftBehind: { journal: number; outbox: number }[] }>;
  close(): Promise<void>;
}

/** How long Messages create takes at "Twilio": the outbox has a message in flight most of the time. */
const TWILIO_LATENCY_MS = 150;

/**
 * The real server in a child process on a database of the given kind, calling the Twilio
 * simulator (in this process) through a proxy that adds Twilio's latency.
 */
export async function startCrashRun(kind: 'pglite' | 'postgres'): Promise<CrashRun> {
  const simulator = await startTwilioSimulator({ delaysMs: { sent: 20, delivered: 20, read: 20 } });
  let proxy: LatencyProxy | undefined;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'crash-safety-'));
  let server: ServerProcess | undefined;
  const kills: Kill[] = [];
  const finished: string[] = [];
  const close = async () => {
    await server?.kill();
    await proxy?.close();
    await simulator.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    proxy = await startLatencyProxy(simulator.url, TWILIO_LATENCY_MS);
    scratch = kind === 'postgres' ? await createScratchDatabase('crash_safety') : undefined;
    const clockOffsetFile = join(dataDir, 'clock-offset');
    const setup: ServerSetup = {
      port: await freePortInRange(),
      dataDir,
      databaseUrl: scratch?.url,
      secretKey: randomBytes(32).toString('hex'),
      twilioApiBaseUrl: proxy.url,
      clockOffsetFile,
    };
    let clockOffsetMs = 0;
    writeFileSync(clockOffsetFile, '0');
    server = await startServerProcess(setup);
    const lockFile = join(dataDir, LOCK_FILE);

    const kill = async (killed: ServerProcess, listening: boolean) => {
      const at = Date.now();
      await killed.kill();
      finished.push(`--- pid ${killed.pid}, killed at ${new Date(at).toISOString()}\n${killed.output()}`);
      // Before it listened the process may not have claimed the directory yet.
      const staleLock = kind === 'pglite' ? existsSync(lockFile) && readFileSync(lockFile, 'utf8').trim() === String(killed.pid) : null;
      kills.push({ at, pid: killed.pid, staleLock, restartMs: 0, duringStart: !listening });
      // The message the killed process had in flight stays leased until the lease ends (two
      // minutes): the restarted server's clock is moved past it rather than the test waiting.
      // Twilio's clock moves with it, as real time would pass for both.
      clockOffsetMs += OUTBOX_DEFAULTS.leaseMs + 1_000;
      writeFileSync(clockOffsetFile, String(clockOffsetMs));
      simulator.advanceTime(OUTBOX_DEFAULTS.leaseMs + 1_000);
    };

    return {
      setup,
      simulator,
      get server() {
        return server!;
      },
      kills,
      outputs: () => [...finished, `--- pid ${server!.pid} (the latest)\n${server!.output()}`].join('\n'),
      async killAndRestart(options = {}) {
        await kill(server!, true);
        if (options.againDuringStartAfterMs !== undefined) {
          const launched = launchServerProcess(setup);
          server = launched.server;
          const listening = await Promise.race([
            launched.ready.then(() => true, () => false),
            new Promise<false>((resolve) => setTimeout(() => resolve(false), options.againDuringStartAfterMs)),
          ]);
          await kill(launched.server, listening);
        }
        server = await startServerProcess(setup);
        kills.at(-1)!.restartMs = Date.now() - kills.at(-1)!.at;
      },
      async drained(isDone, rounds = 5) {
        if (setup.databaseUrl) {
          // PostgreSQL can be watched while the server works through its backlog.
          const deadline = Date.now() + 120_000;
          for (;;) {
            const left = await pendingWork(setup.databaseUrl);
            if ((left.journal === 0 && left.outbox === 0) || Date.now() > deadline) break;
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
        // A graceful stop finishes the send and the batch in flight, not the whole journal and outbox:
        // what is left is handled after the next start.
        const leftBehind: { journal: number; outbox: number }[] = [];
        for (let round = 1; ; round++) {
          const code = await server!.stop();
          if (code !== 0) throw new Error(`The server's graceful stop exited ${code}:\n${server!.output()}`);
          const state = await readStoredState(setup);
          if (isDone(state) || round === rounds) return { state, leftBehind };
          leftBehind.push({ journal: state.journal, outbox: state.outbox });
          finished.push(`--- pid ${server!.pid}, stopped\n${server!.output()}`);
          server = await startServerProcess(setup);
          await new Promise((resolve) => setTimeout(resolve, 2_000 * 2 ** round));
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
