import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const REAL_PORT = Number(process.env.E2E_REAL_PORT ?? 4174);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** E2E_DEV=1 runs against the Vite dev server: no build, so several runs on other ports can share the checkout. */
const DEV = process.env.E2E_DEV === '1';
/** The real-mode projects need a build and a server of their own; dev runs leave them out. */
const REAL = !DEV && process.env.E2E_DEMO_ONLY !== '1';
const OUT = DEV ? `test-results/dev-${PORT}` : 'test-results';
/** E2E_PREBUILT=1: dist/demo and dist/app are already built (npm test builds once for the budget and both servers). */
const PREBUILT = process.env.E2E_PREBUILT === '1';

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

/** The live path moves the server's clock: it runs alone, after the other real-mode specs. */
const LIVE = /real\/live-.*\.spec\.ts$/;
/** Demo specs that run beside the real-mode specs, and beside the live ones (each about as long). */
const DEMO_BESIDE_REAL = /\/(templates|routing-rules)\.spec\.ts$/;
const DEMO_BESIDE_LIVE = /\/(workstreams|shell)\.spec\.ts$/;
/** Specs that run against the real server as well as the demo. */
const BOTH_MODES = /(channel-setup-walkthrough|users-and-audit)\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Whole user flows with an axe scan per screen, on a shared 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${OUT}/playwright.json` }]],
  outputDir: `${OUT}/playwright`,
  use: {
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    ...(REAL
      ? [
          {
            name: 'real-setup',
            testMatch: /real\/first-administrator\.setup\.ts$/,
            // The server keeps what a failed attempt created (and the setup link works once): a retry cannot start clean.
            retries: 0,
            use: { ...chromium, baseURL: `http://127.0.0.1:${REAL_PORT}` },
          },
          {
            name: 'real-chromium',
            testMatch: [/real\/.*\.spec\.ts$/, BOTH_MODES],
            testIgnore: LIVE,
            retries: 0,
            dependencies: ['real-setup'],
            use: { ...chromium, baseURL: `http://127.0.0.1:${REAL_PORT}`, storageState: 'test-results/real-server/admin-state.json' },
          },
          {
            name: 'real-live',
            testMatch: LIVE,
            retries: 0,
            // Each moves the server's clock and shares the simulator: one at a time.
            workers: 1,
            dependencies: ['real-chromium'],
            use: { ...chromium, baseURL: `http://127.0.0.1:${REAL_PORT}`, storageState: 'test-results/real-server/admin-state.json' },
          },
        ]
      : []),
    // Playwright runs projects in phases: a project starts once every project it depends on has
    // finished. The real-mode chain is set-up (beside most demo specs), then the real specs, then
    // the live specs one at a time; a few demo specs wait to run beside each later phase so that
    // both workers stay busy. They depend on demo specs only, so a real-mode failure skips no demo spec.
    {
      name: 'demo-chromium',
      testIgnore: [/real\//, DEMO_BESIDE_REAL, DEMO_BESIDE_LIVE],
      use: { ...chromium, baseURL: `http://127.0.0.1:${PORT}` },
    },
    {
      name: 'demo-beside-real',
      testMatch: DEMO_BESIDE_REAL,
      dependencies: REAL ? ['demo-chromium'] : [],
      use: { ...chromium, baseURL: `http://127.0.0.1:${PORT}` },
    },
    {
      name: 'demo-beside-live',
      testMatch: DEMO_BESIDE_LIVE,
      dependencies: REAL ? ['demo-beside-real'] : [],
      use: { ...chromium, baseURL: `http://127.0.0.1:${PORT}` },
    },
  ],
  webServer: [
    {
      command: DEV
        ? `npx vite --mode demo --host 127.0.0.1 --port ${PORT} --strictPort`
        : `${PREBUILT ? '' : 'npm run build:demo && '}npx vite preview --mode demo --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    ...(REAL
      ? [
          {
            command: 'node scripts/e2e-real-server.mjs',
            url: `http://127.0.0.1:${REAL_PORT}/readyz`,
            // Every run starts from an empty database and prints a fresh setup link.
            reuseExistingServer: false,
            timeout: 240_000,
          },
        ]
      : []),
  ],
});
