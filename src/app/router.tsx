import { createBrowserRouter, createHashRouter, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { HomeRedirect } from '@/features/auth/components/gate/home-redirect';
import { RequireAdmin } from '@/features/auth/components/gate/require-admin';
import { SessionGate } from '@/features/auth/components/gate/session-gate';
import { AuthLayout } from './auth-layout';
import { AppLayout } from './layout';
import { RouteError } from './route-error';
import { Component as SignInRoute } from './routes/sign-in-route';

/** Channel configuration, users and the audit log: administrators only. */
const adminRoutes: RouteObject[] = [
  { path: paths.accounts, lazy: () => import('./routes/accounts-route') },
  { path: paths.newAccount, lazy: () => import('./routes/new-account-route') },
  { path: '/channels/accounts/:accountId', lazy: () => import('./routes/edit-account-route') },
  { path: '/channels/accounts/:accountId/sandbox', lazy: () => import('./routes/account-sandbox-route') },
  { path: paths.workstreams, lazy: () => import('./routes/workstreams-route') },
  { path: paths.newWorkstream, lazy: () => import('./routes/new-workstream-route') },
  { path: '/workstreams/:workstreamId', lazy: () => import('./routes/workstream-route') },
  { path: '/workstreams/:workstreamId/whatsapp', lazy: () => import('./routes/whatsapp-setup-route') },
  { path: '/workstreams/:workstreamId/routing', lazy: () => import('./routes/routing-rules-route') },
  { path: paths.queues, lazy: () => import('./routes/queues-route') },
  { path: paths.newQueue, lazy: () => import('./routes/new-queue-route') },
  { path: '/queues/:queueId', lazy: () => import('./routes/queue-route') },
  { path: paths.users, lazy: () => import('./routes/users-route') },
  { path: paths.auditLog, lazy: () => import('./routes/audit-log-route') },
];

const routes: RouteObject[] = [
  {
    element: <AuthLayout />,
    errorElement: <RouteError />,
    children: [
      // Not lazy: signing out lands here at once, before any signed-in page can ask for the session again.
      { path: paths.signIn, Component: SignInRoute },
      { path: paths.setup, lazy: () => import('./routes/setup-route') },
    ],
  },
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { element: <RequireAdmin />, children: adminRoutes },
          { path: paths.conversations, lazy: () => import('./routes/conversations-route') },
          { path: '/conversations/:conversationId', lazy: () => import('./routes/conversation-route') },
          { path: '*', lazy: () => import('./routes/not-found-route') },
        ],
      },
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
