import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { TOASTER_ID } from '@/components/toast';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(import.meta.env.MODE === 'demo' ? 'hash' : 'browser'));
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster toasterId={TOASTER_ID} position="top-end" pauseOnHover pauseOnWindowBlur />
      </QueryClientProvider>
    </FluentProvider>
  );
}
