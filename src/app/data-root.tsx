import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Outlet } from 'react-router';
import { createQueryClient } from './query-client';

/**
 * Every page below talks to the API. The query client, the API client and its contract
 * load with the first page instead of with the entry script (a route, so they come in
 * parallel with the page's own chunk rather than after it).
 */
export function DataRoot() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}
