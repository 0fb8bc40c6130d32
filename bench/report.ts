/**
 * One figure of `npm run bench`. Every figure that can have one carries a baseline measured
 * in the same run on the same machine, so the ratio means something on a shared, noisy host.
 */
export interface BenchRow {
  /** What is measured, e.g. "Webhook ingest, PostgreSQL". */
  area: string;
  /** The figure, e.g. "saturation throughput" or "p95 latency". */
  figure: string;
  value: number;
  /** "req/s", "ms", "KB", "MB", "fps"… */
  unit: string;
  /** The same figure of a baseline from this run; the ratio printed is value / baseline.value. */
  baseline?: { name: string; value: number };
  /** The target in words, e.g. "≥ 0.5× ceiling" or "≤ 25 ms". */
  target?: string;
  /** Whether the target is met; absent when the figure has no target. */
  met?: boolean;
  /** A short remark shown under the table (why a target is missed, what a figure includes). */
  note?: string;
}

/** A part of the bench: it starts what it needs, measures, stops it all, and returns its rows. */
export interface BenchPart {
  name: string;
  run(log: (line: string) => void): Promise<BenchRow[]>;
}
