import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { TOASTER_ID } from '@/components/toast';
import { initI18n } from '@/i18n/i18n';

// Feature tests may not import src/mocks themselves (the layering rule is for product
// code); test infrastructure is where the two meet.
export { createTestBackend } from '@/mocks/node';

await initI18n('en');

// happy-dom's Web Animations reject `finished` when Fluent cancels a closing dialog's
// motion, and nothing awaits it: an unhandled rejection per dialog. Without `animate`,
// Fluent uses its own no-op motion for tests (see @fluentui/react-motion useAnimateAtoms).
Reflect.deleteProperty(Element.prototype, 'animate');

export interface RenderOptions {
  /** The memory router's history; the last entry is the current address. */
  initialEntries?: string[];
}

/**
 * Renders with everything the app provides: Fluent theme and toaster, a fresh query
 * client (no retries, so failures show at once), i18n in English, and a data router.
 * Pass an element to render it at every address, or routes to test navigation.
 */
export function renderWithProviders(ui: ReactElement | RouteObject[], { initialEntries = ['/'] }: RenderOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const routes: RouteObject[] = Array.isArray(ui) ? ui : [{ path: '*', element: ui }];
  const router = createMemoryRouter(routes, { initialEntries });
  const user = userEvent.setup();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
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
