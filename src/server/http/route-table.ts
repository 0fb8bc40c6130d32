import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { Access } from '../auth/access';

/** One route as the app registered it: what the access-control and bad-input tests walk through. */
export interface RouteEntry {
  method: HTTPMethods;
  url: string;
  /** The route's declared access; undefined means the guard's default (administrators only), or no guard outside /api. */
  access: Access | undefined;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Starts recording every route registered on `app` from now on (call before registering them). */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Fastify adds HEAD beside every GET by itself; the GET stands for both.
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config?.access });
  });
}

/** The routes `app` registered after recordRoutes, in registration order. */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  const table = tables.get(app);
  if (!table) throw new Error('recordRoutes was not called on this app.');
  return table;
}
