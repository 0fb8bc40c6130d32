import type { ComponentType } from 'react';
import { createBrowserRouter, createHashRouter, type RouteObject } from 'react-router';
import { paths } from '@/config/paths';
import { AuthLayout } from './auth-layout';
import { RouteError } from './route-error';
import { Component as SignInRoute } from './routes/sign-in-route';

/**
 * A route whose component comes with it, out of the first download: the session gate and
 * everything behind it need the API client, its contract and the app's chrome, which the
 * router fetches together with the page's own chunk.
 */
function lazyComponent<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

const loadDataRoot = () => import('./data-root');
const loadSessionGate = () => import('@/features/auth/components/gate/session-gate');

/** Starts fetching what every page needs while the rest of the boot (languages, demo backend) runs. */
export function preloadEveryPage() {
  void loadDataRoot();
  void loadSessionGate();
}

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
  { path: paths.queueOverview, lazy: () => import('./routes/queue-overview-route') },
  { path: paths.users, lazy: () => import('./routes/users-route') },
  { path: paths.auditLog, lazy: () => import('./routes/audit-log-route') },
];

/** The page stays blank until the first page's code has arrived, as it always did: said here, React Router does not warn. */
function BlankUntilLoaded() {
  return null;
}

const routes: RouteObject[] = [
  {
    lazy: lazyComponent(loadDataRoot, (module) => module.DataRoot),
    HydrateFallback: BlankUntilLoaded,
    errorElement: <RouteError />,
    children: [
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
        lazy: lazyComponent(loadSessionGate, (module) => module.SessionGate),
        errorElement: <RouteError />,
        children: [
          {
            lazy: lazyComponent(() => import('./layout'), (module) => module.AppLayout),
            children: [
              { index: true, lazy: lazyComponent(() => import('@/features/auth/components/gate/home-redirect'), (module) => module.HomeRedirect) },
              { lazy: lazyComponent(() => import('@/features/auth/components/gate/require-admin'), (module) => module.RequireAdmin), children: adminRoutes },
              { path: paths.conversations, lazy: () => import('./routes/conversations-route') },
              { path: '/conversations/:conversationId', lazy: () => import('./routes/conversation-route') },
              { path: '*', lazy: () => import('./routes/not-found-route') },
            ],
          },
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
