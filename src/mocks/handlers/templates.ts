import type { HttpHandler } from 'msw';
import type { MockDb } from '../db';

export function templatesHandlers(db: MockDb): HttpHandler[] {
  void db;
  return [];
}
