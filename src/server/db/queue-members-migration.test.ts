// @vitest-environment node
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { expect, test } from 'vitest';
import { describeEachDatabase } from '../../testing/server/each-database';
import { createScratchDatabase } from '../../testing/server/postgres';
import { queueView } from '../services/queue-views';
import { migrationsFolder, openDatabase, type DatabaseTarget } from './connect';

const BEFORE_MEMBERS_WERE_USERS = '0005_outbox_sending_since';

/** The migrations folder as it was up to and including `lastTag`: its SQL files and a journal that ends there. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
  mkdirSync(join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`No migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

/** Rows as 0005 held them: members were free text, matched to users by e-mail. */
const OLD_ROWS = `
  insert into users (id, name, email, role, password_hash) values
    ('00000000-0000-4000-8000-00000000000a', 'Aino Agent', 'aino@contoso.example', 'agent', 'x'),
    ('00000000-0000-4000-8000-00000000000b', 'Sam Admin', 'sam@contoso.example', 'admin', 'x');
  insert into queues (id, name, name_key, priority, members) values
    ('00000000-0000-4000-8000-0000000000a1', 'Billing', 'billing', 1, '[
      {"name": "Pending Person", "email": "Pending@Contoso.example"},
      {"name": "Sam", "email": "SAM@contoso.example"},
      {"name": "Aino", "email": "aino@contoso.example"},
      {"name": "Sam again", "email": "sam@CONTOSO.example"},
      {"name": "Another Stranger", "email": "stranger@contoso.example"}
    ]'::jsonb),
    ('00000000-0000-4000-8000-0000000000a2', 'Empty', 'empty', 2, '[]'::jsonb);
`;

describeEachDatabase('migrating free-text queue members to users (%s)', (kind) => {
  test('a member whose e-mail (in any case) is a user becomes a membership, in the listed order; the others wait as pending', async () => {
    const target = await databaseAt0005(kind);
    try {
      const migrated = await openDatabase(target.target);
      try {
        const memberships = await migrated.db.execute(sql`select queue_id, user_id, position from queue_members order by queue_id, position`);
        expect(rowsOf(memberships)).toEqual([
          { queue_id: '00000000-0000-4000-8000-0000000000a1', user_id: '00000000-0000-4000-8000-00000000000b', position: 2 },
          { queue_id: '00000000-0000-4000-8000-0000000000a1', user_id: '00000000-0000-4000-8000-00000000000a', position: 3 },
        ]);

        const billing = await queueView(migrated.db, '00000000-0000-4000-8000-0000000000a1', new Date());
        expect(billing?.members.map((m) => [m.name, m.email, m.role])).toEqual([
          ['Sam Admin', 'sam@contoso.example', 'admin'],
          ['Aino Agent', 'aino@contoso.example', 'agent'],
        ]);
        expect(billing?.pendingMembers).toEqual([
          { name: 'Pending Person', email: 'pending@contoso.example' },
          { name: 'Another Stranger', email: 'stranger@contoso.example' },
        ]);
        const empty = await queueView(migrated.db, '00000000-0000-4000-8000-0000000000a2', new Date());
        expect(empty).toMatchObject({ members: [], pendingMembers: [] });

        const columns = await migrated.db.execute(sql`select column_name from information_schema.columns where table_name = 'queues' and column_name = 'members'`);
        expect(rowsOf(columns)).toEqual([]);
      } finally {
        await migrated.close();
      }
    } finally {
      await target.drop();
    }
  }, 120_000);
});

const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

/** A database migrated up to 0005 with the old rows in it; `target` opens it with every migration. */
async function databaseAt0005(kind: 'pglite' | 'postgres'): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  const folder = migrationsUpTo(BEFORE_MEMBERS_WERE_USERS);
  if (kind === 'pglite') {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pglite-')), 'pglite');
    const client = new PGlite({ dataDir });
    const db = drizzlePglite({ client });
    await migratePglite(db, { migrationsFolder: folder });
    await client.exec(OLD_ROWS);
    await client.close();
    return { target: { kind: 'pglite', dataDir }, drop: async () => undefined };
  }
  const scratch = await createScratchDatabase('wa_migration', { template: null });
  const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
  try {
    await migratePostgres(drizzlePostgres({ client: pool }), { migrationsFolder: folder });
    await pool.query(OLD_ROWS);
  } finally {
    await pool.end();
  }
  return { target: { kind: 'postgres', url: scratch.url, poolSize: 2 }, drop: () => scratch.drop() };
}
