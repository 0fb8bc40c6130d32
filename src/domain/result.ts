import type { ValidationParams } from './validation-params';

export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; error: E; params?: ValidationParams };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(error: E, params?: ValidationParams): { ok: false; error: E; params?: ValidationParams } =>
  params === undefined ? { ok: false, error } : { ok: false, error, params };
