import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { TOASTER_ID } from '@/components/toast';
import { initI18n } from '@/i18n/i18n';
import { createTestBackend } from '@/mocks/node';
import { LiveChannelProvider } from '@/resources/live/live-channel';

// Feature tests may not import src/mocks themselves (the layering rule is for product
// code); test infrastructure is where the two meet.
export { createTestBackend } from '@/mocks/node';
/**
 * A mock backend for one test file: it listens for the whole file, and after each test its
 * handlers, listeners and data are back to the seed.
 */
export function backendForThisFile(...args: Parameters<typeof createTestBackend>) {
  const backend = createTestBackend(...args);
  beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    backend.server.resetHandlers();
    backend.server.events.removeAllListeners();
    backend.db.reset();
  });
  afterAll(() => backend.server.close());
  return backend;
}
/** Ids of the demo seed, for tests of features (which may not import the mock). */
export { demoIds } from '@/mocks/seed';
/** Ids of the demo's seeded conversations (src/mocks/seed-conversations.ts). */
export { demoConversationIds } from '@/mocks/seed-conversations';

await initI18n('en');

// happy-dom's Web Animations reject `finished` when Fluent cancels a closing dialog's
// motion, and nothing awaits it: an unhandled rejection per dialog. Without `animate`,
// Fluent uses its own no-op motion for tests (see @fluentui/react-motion useAnimateAtoms).
Reflect.deleteProperty(Element.prototype, 'animate');

// tabster (Fluent's focus manager) counts nothing as focusable while <body> measures 0×0,
// as it always does in happy-dom. A dialog then cannot focus its first control, its focus
// trap never activates, and 250 ms later tabster hides the dialog itself with aria-hidden.
document.body.getBoundingClientRect = () => new DOMRect(0, 0, 1280, 800);

// Pages go through several requests and Fluent dialogs; on a busy machine the default
// second for findBy* is not always enough.
configure({ asyncUtilTimeout: 5000 });

/**
 * While a modal dialog is open, tabster hides the page from assistive technology; after it
 * closes, the page comes back on a 250 ms timer. Waits for both, before querying the page.
 */
export async function waitForDialogsToClose() {
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });
}

export interface RenderOptions {
  /** The memory router's history; the last entry is the current address. */
  initialEntries?: string[];
}

/**
 * Renders with everything the app provides: Fluent theme and toaster, a fresh query
 * client (no retries, so failures show at once), the live channel (silent unless a test
 * installs an EventSource), i18n in English, and a data router.
 * Pass an element to render it at every address, or routes to test navigation.
 */
export function renderWithProviders(ui: ReactElement | RouteObject[], { initialEntries = ['/'] }: RenderOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const routes: RouteObject[] = Array.isArray(ui) ? ui : [{ path: '*', element: ui }];
  const router = createMemoryRouter(routes, { initialEntries });
  // No pause between keystrokes: the tests wait for what they expect, never for time.
  const user = userEvent.setup({ delay: null });
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <LiveChannelProvider>
          <RouterProvider router={router} />
        </LiveChannelProvider>
        <Toaster toasterId={TOASTER_ID} />
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...result, router, queryClient, user };
}

/** The current address of a router from {@link renderWithProviders}, as path + search. */
export function currentUrl(router: ReturnType<typeof createMemoryRouter>): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}
