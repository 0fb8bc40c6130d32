import { inArray, type Column } from 'drizzle-orm';

/** The where-clause that keeps rows of the given queues; every row when `queueIds` is left out. */
export function inQueues(column: Column, queueIds: readonly string[] | undefined) {
  return queueIds ? inArray(column, [...queueIds]) : undefined;
}

/** Values gathered into one list per queue, each list in the order of `rows`. */
export function groupByQueue<R extends { queueId: string }, V>(rows: readonly R[], valueOf: (row: R) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.queueId) ?? [];
    list.push(valueOf(row));
    grouped.set(row.queueId, list);
  }
  return grouped;
}
