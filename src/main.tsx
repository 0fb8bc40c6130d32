import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { preloadEveryPage } from '@/app/router';
import { initI18n } from '@/i18n/i18n';

async function boot() {
  preloadEveryPage();
  // Demo mode answers the API inside the browser; it must be listening before the first request.
  if (import.meta.env.MODE === 'demo') {
    const { startDemoBackend } = await import('@/mocks/browser');
    await startDemoBackend();
  }
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
