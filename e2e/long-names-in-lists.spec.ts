import { demoSeed } from '@/mocks/seed';
import { expect, seedDemo, test } from './fixtures';

const LONG = 'Contoso customer service for Finland, Sweden, Norway and Denmark on weekdays, evenings and weekends';

type Seed = ReturnType<typeof demoSeed>;
type Named = 'accounts' | 'workstreams' | 'queues' | 'users';

/** The seed with one record of this list named at length (not the signed-in administrator, who is marked "you"). */
function withLongName(list: Named): Seed {
  const seed = demoSeed();
  const items: { name: string }[] = seed[list];
  const index = list === 'users' ? items.length - 1 : 0;
  return { ...seed, [list]: items.map((item, i) => (i === index ? { ...item, name: LONG } : item)) };
}

for (const list of [
  { path: '/channels/accounts', heading: 'Messaging accounts', seed: 'accounts' },
  { path: '/workstreams', heading: 'Workstreams', seed: 'workstreams' },
  { path: '/queues', heading: 'Queues', seed: 'queues' },
  { path: '/users', heading: 'Users', seed: 'users' },
] as const) {
  test(`${list.heading}: a long name keeps its row to two lines at most, and says the whole name`, async ({ page }) => {
    await seedDemo(page, withLongName(list.seed));
    await page.goto(`./#${list.path}`);
    await expect(page.getByRole('heading', { name: list.heading, level: 1 })).toBeVisible({ timeout: 60_000 });

    const rows = page.getByRole('table').getByRole('row');
    const longRow = rows.filter({ has: page.getByRole('cell', { name: LONG, exact: true }) });
    const otherRow = rows.filter({ hasNotText: LONG }).nth(1);
    const long = await longRow.boundingBox();
    const other = await otherRow.boundingBox();
    if (!long || !other) throw new Error('the rows are not on screen');
    // One more line of text at most: five lines of name would add some 80 pixels.
    expect(long.height).toBeLessThanOrEqual(other.height + 24);
    await expect(longRow.getByTitle(LONG)).toBeVisible();
  });
}
