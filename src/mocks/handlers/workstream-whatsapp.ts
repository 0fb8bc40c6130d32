import type { HttpHandler } from 'msw';
import type { MockDb } from '../db';

export function workstreamWhatsappHandlers(db: MockDb): HttpHandler[] {
  void db;
  return [];
}
