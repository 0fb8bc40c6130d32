import { sql, type SQL } from 'drizzle-orm';
import type { TestServer } from '../server/test-server';

/** Rows per table, by table name. */
export type TableCounts = Record<string, number>;

const rowsOf = async <T>(server: TestServer, query: SQL): Promise<T[]> => ((await server.context.db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * Counts the rows of every table of the server's schema, as information_schema lists them
 * (a table added later is counted too), in one query: cheap enough to run around each request.
 */
export async function tableCounter(server: TestServer): Promise<() => Promise<TableCounts>> {
  const tables = await rowsOf<{ name: string }>(
    server,
    sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  if (tables.length === 0) throw new Error('No tables found in the current schema.');
  const counts = sql.join(
    tables.map(({ name }) => sql`(select count(*) from ${sql.identifier(name)})::int as ${sql.identifier(name)}`),
    sql`, `,
  );
  return async () => {
    const [row] = await rowsOf<TableCounts>(server, sql`select ${counts}`);
    return { ...row! };
  };
}

/** The tables whose row count differs, as "table: before → after". */
export function countChanges(before: TableCounts, after: TableCounts): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).map((name) => `${name}: ${before[name]} → ${after[name]}`);
}
