import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_DATA_KEY } from '@/mocks/demo-storage-key';
import { emptySeed } from '@/mocks/seed';

export const SANDBOX_NUMBER = '+14155238886';

/** Made-up credentials in the right shape; they are not anyone's secrets. */
export const sampleCredentials = {
  accountSid: 'AC' + 'a1b2c3d4'.repeat(4),
  authToken: '9f8e7d6c'.repeat(4),
};

interface Fixtures {
  /** Fails the test on any axe violation of the page as it is now. */
  expectAccessible: () => Promise<void>;
  /** Starts the demo with no accounts instead of the seed (still signed in as the demo administrator). */
  emptyDemo: void;
}

export const test = base.extend<Fixtures>({
  expectAccessible: async ({ page }, use) => {
    await use(() => expectPageAccessible(page));
  },
  emptyDemo: [
    async ({ page }, use) => {
      // The real server starts from an empty database of its own.
      if (!isRealMode()) await seedDemo(page, emptySeed());
      await use();
    },
    { auto: false },
  ],
});

export { expect };

/** Fails on any axe violation of this page as it is now (the fixture scans the test's own page). */
export async function expectPageAccessible(page: Page) {
  // Tabster's focus sentinels (Fluent UI) are focusable on purpose and pass focus on at once;
  // axe's aria-hidden-focus rule cannot tell them from a real hidden control.
  // A toast or dialog mid-fade has the contrast of its current opacity: judge the settled page.
  // A toast that a slower server answers with may start fading in during the scan: a
  // violation must survive a second scan of the settled page to count.
  let violations: string[] = [];
  for (let scan = 0; scan < 2; scan++) {
    // Spinners run for ever: only animations that end (fades, slides) are waited for.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
    );
    const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (violations.length === 0) break;
    await page.waitForTimeout(500);
  }
  expect(violations).toEqual([]);
}

/** Starts the demo from this data instead of its seed; later reloads keep what the test did. */
export async function seedDemo(page: Page, data: object) {
  await page.addInitScript(
    ([key, json]) => {
      if (!sessionStorage.getItem('e2e-seeded')) {
        localStorage.setItem(key!, json!);
        sessionStorage.setItem('e2e-seeded', '1');
      }
    },
    [DEMO_DATA_KEY, JSON.stringify(data)],
  );
}

/** Whether this test runs against the real server (browser URLs) rather than the demo (hash URLs). */
export function isRealMode(): boolean {
  return test.info().project.name.startsWith('real');
}

/** A page of the app by its route path, e.g. "/queues/new", in either mode. */
export function appHref(path: string): string {
  return isRealMode() ? path : `./#${path}`;
}

export async function openAccounts(page: Page) {
  await page.goto('./#/channels/accounts');
}

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A toast by its text (the live region that announces it holds the same text, unseen). */
export function toast(page: Page, text: string) {
  return page.getByRole('listitem').filter({ hasText: text });
}
