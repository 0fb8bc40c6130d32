import type { Browser, Page } from '@playwright/test';
import { BASELINE_PAGE } from './ui-server';

/** Cold loads per page; the median is reported. */
export const LCP_LOADS = 5;

/** The largest contentful paint so far, in ms from navigation; NaN if the browser reports none. */
function readLcp(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // Two frames, so the paint of what is on screen now has been recorded.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({
              type: 'largest-contentful-paint',
              buffered: true,
            });
            setTimeout(() => resolve(Number.NaN), 3000);
          }),
        );
      }),
  );
}

/** The first contentful paint, in ms from navigation: with LCP it tells start-up from rendering. */
const readFcp = (page: Page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);

/** One load in a fresh context (no cache, no service worker, no storage), until `ready` says the content is there. */
async function coldLcp(browser: Browser, url: string, ready: (page: Page) => Promise<void>): Promise<{ lcp: number; fcp: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    return { lcp: await readLcp(page), fcp: await readFcp(page) };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The median LCP of the new-account wizard and of the static baseline page, loads interleaved so both see the same load. */
export async function measureWizardLcp(browser: Browser, baseUrl: string, log: (line: string) => void) {
  const wizard: { lcp: number; fcp: number }[] = [];
  const baseline: { lcp: number; fcp: number }[] = [];
  const heading = (page: Page) => page.getByRole('heading', { name: 'Channel details' }).waitFor({ timeout: 30_000 });
  for (let load = 0; load < LCP_LOADS; load++) {
    wizard.push(await coldLcp(browser, `${baseUrl}#/channels/accounts/new`, heading));
    baseline.push(await coldLcp(browser, `${baseUrl}${BASELINE_PAGE}`, heading));
    log(`  load ${load + 1}: wizard LCP ${wizard.at(-1)!.lcp.toFixed(0)} ms (FCP ${wizard.at(-1)!.fcp.toFixed(0)}), static page ${baseline.at(-1)!.lcp.toFixed(0)} ms`);
  }
  return {
    wizard: median(wizard.map((load) => load.lcp)),
    wizardFcp: median(wizard.map((load) => load.fcp)),
    baseline: median(baseline.map((load) => load.lcp)),
    samples: wizard.map((load) => load.lcp),
  };
}
