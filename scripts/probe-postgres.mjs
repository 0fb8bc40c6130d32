// Exits 0 when PostgreSQL answers at TEST_DATABASE_URL (default: this machine's 127.0.0.1:5432, database test).
import { userInfo } from 'node:os';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} answers at ${url.replace(/:[^:@/]+@/, ':***@')}`);
  process.exit(0);
} catch (error) {
  console.log(`PostgreSQL does not answer at ${url.replace(/:[^:@/]+@/, ':***@')}: ${error.message}`);
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}
