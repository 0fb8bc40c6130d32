import type { Browser, Page } from '@playwright/test';
import { demoIds, demoSeed } from '../src/mocks/seed';
import { demoConversationIds, demoConversations } from '../src/mocks/seed-conversations';

/** Where the demo keeps its data (src/mocks/browser.ts); a page started with data here uses it instead of its seed. */
const DEMO_DATA_KEY = 'whatsapp-admin-demo-data';
/** Scrolled per frame: a brisk flick upwards, about 15,000 px a second at 60 frames a second. */
export const SCROLL_STEP_PX = 250;
/** A frame longer than this is a visible stall. */
export const LONG_FRAME_MS = 50;
const SCROLL_LIMIT_MS = 40_000;

export interface ConversationFigures {
  /** From navigation until the newest message is on screen with the list at its bottom. */
  openMs: number;
  /** `<li>` rows in the DOM, at the bottom when opened and at the top after scrolling. */
  rowsAtBottom: number;
  rowsAtTop: number;
  /** Elements inside the log, when opened. */
  listNodes: number;
  /** Messages loaded when the top was reached, and whether the oldest message was shown. */
  loaded: number;
  reachedOldest: boolean;
  scrollMs: number;
  frames: number[];
}

/** The demo's data with the long conversation `length` messages long. */
function demoDataWith(length: number) {
  return { ...demoSeed(), ...demoConversations(demoIds, Date.now(), length) };
}

/** Resolves with performance.now() once the log is at its bottom with its last row in view. */
function newestShown(page: Page): Promise<number> {
  return page
    .waitForFunction(
      () => {
        const log = document.querySelector<HTMLElement>('[role="log"]');
        const rows = log?.querySelectorAll('li');
        const last = rows?.[rows.length - 1];
        if (!log || !last) return false;
        const view = log.getBoundingClientRect();
        const row = last.getBoundingClientRect();
        const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 2;
        return atBottom && row.top >= view.top && row.bottom <= view.bottom + 1 && performance.now();
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

/** Scrolls the log up a step each frame until the oldest message is shown (older pages load on the way), timing every frame. */
function scrollToOldest(page: Page) {
  return page.evaluate(
    ({ step, limitMs }) =>
      new Promise<{ frames: number[]; scrollMs: number; reachedOldest: boolean; rows: number; loaded: number }>((resolve) => {
        const log = document.querySelector<HTMLElement>('[role="log"]')!;
        const oldestRow = () => log.querySelector('li');
        // At the top, with the first message of the whole history (its size known: no page left to load).
        const atOldest = () => log.scrollTop === 0 && oldestRow()?.getAttribute('aria-posinset') === '1' && oldestRow()?.getAttribute('aria-setsize') !== '-1';
        const frames: number[] = [];
        let started = 0;
        let previous = 0;
        const frame = (now: number) => {
          if (started === 0) started = now;
          else frames.push(now - previous);
          previous = now;
          if (atOldest() || now - started > limitMs) {
            resolve({
              frames,
              scrollMs: now - started,
              reachedOldest: atOldest(),
              rows: log.querySelectorAll('li').length,
              loaded: Number(oldestRow()?.getAttribute('aria-setsize')),
            });
            return;
          }
          log.scrollBy(0, -step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { step: SCROLL_STEP_PX, limitMs: SCROLL_LIMIT_MS },
  );
}

/** Opens the long conversation of a demo whose history is `length` messages long, in a fresh context, and scrolls it to its start. */
export async function measureConversation(browser: Browser, baseUrl: string, length: number): Promise<ConversationFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    await context.addInitScript(([key, json]) => localStorage.setItem(key!, json!), [DEMO_DATA_KEY, JSON.stringify(demoDataWith(length))]);
    // tsx compiles this file with esbuild's keepNames: functions sent to the page call its __name helper.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}#/conversations/${demoConversationIds.noahLongHistory}`);
    const openMs = await newestShown(page);
    const atBottom = await page.evaluate(() => {
      const log = document.querySelector('[role="log"]')!;
      return { rows: log.querySelectorAll('li').length, nodes: log.querySelectorAll('*').length };
    });
    const scrolled = await scrollToOldest(page);
    return {
      openMs,
      rowsAtBottom: atBottom.rows,
      listNodes: atBottom.nodes,
      rowsAtTop: scrolled.rows,
      loaded: scrolled.loaded,
      reachedOldest: scrolled.reachedOldest,
      scrollMs: scrolled.scrollMs,
      frames: scrolled.frames,
    };
  } finally {
    await context.close();
  }
}
