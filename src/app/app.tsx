import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppToaster } from './app-toaster';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(import.meta.env.MODE === 'demo' ? 'hash' : 'browser'));
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      {/* Lets Fluent's message bars announce themselves: a failed save is heard, not only seen. */}
      <AriaLiveAnnouncer>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
          <AppToaster />
        </QueryClientProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
