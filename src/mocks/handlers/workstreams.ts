import type { HttpHandler } from 'msw';
import type { MockDb } from '../db';

export function workstreamsHandlers(db: MockDb): HttpHandler[] {
  void db;
  return [];
}
