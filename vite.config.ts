import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

/** Test files that run in Node: the server, the Twilio simulator, the reliability tests, the scripts. */
const SERVER_TESTS = ['src/server/**/*.test.ts', 'src/twilio-sim/**/*.test.ts', 'src/testing/**/*.test.ts', 'scripts/**/*.test.mjs'];

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // Relative asset paths let the demo build run from any static host and sub-folder; the
  // real app uses deep links of the browser router, which need absolute ones.
  base: mode === 'demo' ? './' : '/',
  build: { outDir: mode === 'demo' ? 'dist/demo' : 'dist/app', emptyOutDir: true },
  server: { port: 5173, strictPort: true },
  preview: { port: 3000, strictPort: true },
  test: {
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
    testTimeout: 15_000,
    // Server tests start an embedded database (a WebAssembly build of PostgreSQL) per file.
    hookTimeout: 60_000,
    // Three on two cores: server files spend much of their time waiting on PostgreSQL, a child
    // server or a timer, so a third file keeps the cores busy meanwhile.
    maxWorkers: 3,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'happy-dom',
          // Each file renders into a fresh DOM and query client of its own (src/testing/render.tsx),
          // so the files of a worker can share imported modules: Fluent UI is imported once per
          // worker instead of once per file.
          isolate: false,
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...SERVER_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: SERVER_TESTS,
          // Migrates a PGlite and a PostgreSQL template once; each test file starts from a copy.
          globalSetup: ['./src/testing/vitest/global-setup.ts'],
        },
      },
    ],
  },
}));
