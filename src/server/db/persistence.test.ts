// @vitest-environment node
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from './connect';
import { queues } from './schema';

test('the embedded database keeps its data in the data directory across restarts, migrating once', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pglite-')), 'pglite');
  const first = await openDatabase({ kind: 'pglite', dataDir });
  await first.db.insert(queues).values({ name: 'Billing', nameKey: 'billing', priority: 1 });
  await first.close();

  const second = await openDatabase({ kind: 'pglite', dataDir });
  try {
    expect((await second.db.select().from(queues)).map((q) => q.name)).toEqual(['Billing']);
  } finally {
    await second.close();
  }
}, 90_000);
