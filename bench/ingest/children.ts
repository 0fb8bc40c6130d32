import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage, StatsAnswer } from './child-protocol';

export interface BenchServer {
  ready: ReadyMessage;
  baseUrl: string;
  /** Resident memory of the server process now, in MB. */
  rssMb(): number;
  stats(sids: string[]): Promise<StatsAnswer>;
  stop(): Promise<void>;
}

/** Starts one of the bench's servers (a file next to this one) as a process of its own. */
export async function startBenchServer(file: string, args: string[], env: Record<string, string> = {}): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await nextMessage<ReadyMessage>(child, 'ready', 180_000);
  return {
    ready,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    rssMb: () => residentMb(child.pid!),
    stats: (sids) => {
      const answer = nextMessage<StatsAnswer>(child, 'stats', 180_000);
      child.send({ type: 'stats', sids });
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's next message of this type; fails when it exits or stays silent too long. */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`No "${type}" from the bench server within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: T) => {
      if (message.type === type) finish(null, message);
    };
    const onExit = (code: number | null) => finish(new Error(`The bench server exited (${code}) before "${type}"`));
    function finish(error: Error | null, message?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
