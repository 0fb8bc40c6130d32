import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

// Toasts only follow something the user did on a page, which loads after the toaster does.
const AppToaster = lazy(() => import('./app-toaster').then((module) => ({ default: module.AppToaster })));

export function App() {
  const [router] = useState(() => createAppRouter(import.meta.env.MODE === 'demo' ? 'hash' : 'browser'));
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      {/* Lets Fluent's message bars announce themselves: a failed save is heard, not only seen. */}
      <AriaLiveAnnouncer>
        <RouterProvider router={router} />
        <Suspense fallback={null}>
          <AppToaster />
        </Suspense>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
