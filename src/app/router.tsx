import { createBrowserRouter, createHashRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { AppLayout } from './layout';
import { RouteError } from './route-error';

const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={paths.accounts} replace /> },
      { path: paths.accounts, lazy: () => import('./routes/accounts-route') },
      { path: paths.newAccount, lazy: () => import('./routes/new-account-route') },
      { path: '/channels/accounts/:accountId', lazy: () => import('./routes/edit-account-route') },
      { path: paths.workstreams, lazy: () => import('./routes/workstreams-route') },
      { path: paths.newWorkstream, lazy: () => import('./routes/new-workstream-route') },
      { path: '/workstreams/:workstreamId', lazy: () => import('./routes/workstream-route') },
      { path: '/workstreams/:workstreamId/whatsapp', lazy: () => import('./routes/whatsapp-setup-route') },
      { path: '/workstreams/:workstreamId/routing', lazy: () => import('./routes/routing-rules-route') },
      { path: paths.queues, lazy: () => import('./routes/queues-route') },
      { path: paths.newQueue, lazy: () => import('./routes/new-queue-route') },
      { path: '/queues/:queueId', lazy: () => import('./routes/queue-route') },
      { path: paths.conversations, lazy: () => import('./routes/conversations-route') },
      { path: '*', lazy: () => import('./routes/not-found-route') },
    ],
  },
];

/**
 * The demo build uses hash URLs so that it runs from any static host, where a refresh
 * of a deep link cannot be sent back to index.html (see docs/decisions).
 */
export function createAppRouter(history: 'hash' | 'browser') {
  return history === 'hash' ? createHashRouter(routes) : createBrowserRouter(routes);
}
