/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
    testTimeout: 15_000,
    // Server tests start an embedded database (a WebAssembly build of PostgreSQL) per file.
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
}));
