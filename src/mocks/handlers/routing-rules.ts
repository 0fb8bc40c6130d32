import type { HttpHandler } from 'msw';
import type { MockDb } from '../db';

export function routingRulesHandlers(db: MockDb): HttpHandler[] {
  void db;
  return [];
}
