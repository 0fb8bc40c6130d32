import type { HttpHandler } from 'msw';
import type { MockDb } from '../db';

export function queuesHandlers(db: MockDb): HttpHandler[] {
  void db;
  return [];
}
