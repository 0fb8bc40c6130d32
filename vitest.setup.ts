import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach } from 'vitest';

// Server tests run in Node, without a DOM or web storage.
const hasDom = typeof window !== 'undefined';

afterEach(async () => {
  if (!hasDom) return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  // The client project shares modules between files (no per-file isolation): a test that
  // switched to Finnish must not leave the next file in Finnish.
  if (i18next.isInitialized && i18next.language !== 'en') await i18next.changeLanguage('en');
});
