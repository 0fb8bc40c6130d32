import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { percentile, round } from './data-scale-stats';
import { printRows } from './print';
import type { BenchPart, BenchRow } from './report';
import { LONG_FRAME_MS, measureConversation, SCROLL_STEP_PX, type ConversationFigures } from './ui-conversation';
import { LCP_LOADS, measureWizardLcp } from './ui-lcp';
import { startDemoPreview, type PreviewServer } from './ui-server';

/** Google's threshold of a good Largest Contentful Paint. */
const GOOD_LCP_MS = 2500;
const LONG_HISTORY = 1000;
const SHORT_HISTORY = 50;
const SMOOTH_FRAME_P95_MS = 50;
const SMOOTH_FPS = 30;
/** The rows a virtual list keeps: what a screen shows and some overscan, never the whole history. */
const MAX_ROWS = 60;

const AREA_WIZARD = 'UI: new-account wizard';
const AREA_CONVERSATION = `UI: conversation, ${LONG_HISTORY.toLocaleString('en-US')} messages`;

const frameStats = (figures: ConversationFigures) => ({
  p95: round(percentile(figures.frames, 95), 1),
  fps: round(figures.frames.length / (figures.scrollMs / 1000), 1),
  long: figures.frames.filter((ms) => ms > LONG_FRAME_MS).length,
});

function conversationRows(long: ConversationFigures, short: ConversationFigures): BenchRow[] {
  const base = `${SHORT_HISTORY} messages`;
  const longFrames = frameStats(long);
  const shortFrames = frameStats(short);
  return [
    {
      area: AREA_CONVERSATION,
      figure: 'navigation → newest message shown',
      value: round(long.openMs, 0),
      unit: 'ms',
      baseline: { name: base, value: round(short.openMs, 0) },
      target: `≤ ${GOOD_LCP_MS} ms`,
      met: long.openMs <= GOOD_LCP_MS,
      note: 'cold load of the demo build in a fresh context, until the log is at its bottom with the newest row in view',
    },
    {
      area: AREA_CONVERSATION,
      figure: 'rows in the DOM, at the top after scrolling',
      value: long.rowsAtTop,
      unit: 'rows',
      baseline: { name: base, value: short.rowsAtTop },
      target: `≤ ${MAX_ROWS} of ${LONG_HISTORY}`,
      met: long.rowsAtTop <= MAX_ROWS && long.loaded === LONG_HISTORY,
      note: `${long.loaded} messages loaded when the top was reached; ${long.rowsAtBottom} rows and ${long.listNodes} elements in the log when opened (${short.listNodes} for ${base})`,
    },
    {
      area: AREA_CONVERSATION,
      figure: 'scrolling to the oldest, p95 frame',
      value: longFrames.p95,
      unit: 'ms',
      baseline: { name: base, value: shortFrames.p95 },
      target: `≤ ${SMOOTH_FRAME_P95_MS} ms`,
      met: longFrames.p95 <= SMOOTH_FRAME_P95_MS && long.reachedOldest,
      note: `${long.frames.length} frames in ${round(long.scrollMs / 1000, 1)} s, scrollBy -${SCROLL_STEP_PX} px a frame; older pages load on the way (${base}: ${short.frames.length} frames). ${long.reachedOldest ? 'Reached' : 'Did NOT reach'} the oldest message.`,
    },
    {
      area: AREA_CONVERSATION,
      figure: 'scrolling to the oldest, frame rate',
      value: longFrames.fps,
      unit: 'fps',
      baseline: { name: base, value: shortFrames.fps },
      target: `≥ ${SMOOTH_FPS} fps`,
      met: longFrames.fps >= SMOOTH_FPS,
    },
    {
      area: AREA_CONVERSATION,
      figure: `scrolling to the oldest, frames > ${LONG_FRAME_MS} ms`,
      value: longFrames.long,
      unit: 'frames',
      baseline: { name: base, value: shortFrames.long },
      note: `of ${long.frames.length} frames (${base}: of ${short.frames.length})`,
    },
  ];
}

async function measure(browser: Browser, server: PreviewServer, log: (line: string) => void): Promise<BenchRow[]> {
  log('Wizard LCP');
  const lcp = await measureWizardLcp(browser, server.url, log);
  log(`Conversation, ${LONG_HISTORY} messages`);
  const long = await measureConversation(browser, server.url, LONG_HISTORY);
  log(`  opened in ${round(long.openMs, 0)} ms, ${long.rowsAtBottom} rows; ${long.frames.length} frames to the oldest, ${long.rowsAtTop} rows there`);
  log(`Conversation, ${SHORT_HISTORY} messages`);
  const short = await measureConversation(browser, server.url, SHORT_HISTORY);
  log(`  opened in ${round(short.openMs, 0)} ms, ${short.rowsAtBottom} rows; ${short.frames.length} frames to the oldest`);
  return [
    {
      area: AREA_WIZARD,
      figure: `Largest Contentful Paint, median of ${LCP_LOADS} cold loads`,
      value: round(lcp.wizard, 0),
      unit: 'ms',
      baseline: { name: 'static HTML page, same server', value: round(lcp.baseline, 0) },
      target: `≤ ${GOOD_LCP_MS} ms`,
      met: lcp.wizard <= GOOD_LCP_MS,
      note: `demo build (vite preview) in Chromium, a fresh context per load (the demo's service worker installs each time); wizard LCP ${lcp.samples.map((ms) => round(ms, 0)).join(', ')} ms, median first contentful paint ${round(lcp.wizardFcp, 0)} ms`,
    },
    ...conversationRows(long, short),
  ];
}

/** The wizard's first paint and the long conversation's scrolling, in Debian's Chromium against the demo build. */
export const uiBench: BenchPart = {
  name: 'UI in Chromium',
  async run(log) {
    const server = await startDemoPreview(log);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      return await measure(browser, server, log);
    } finally {
      await browser?.close();
      await server.stop();
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const started = Date.now();
  printRows(await uiBench.run((line) => console.log(line)));
  console.log(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
