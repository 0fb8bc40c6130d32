/** The PostgreSQL error behind a failed statement, whichever driver raised it. */
interface PgError {
  code?: string;
  constraint?: string;
}

function pgErrorOf(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === 'object' && current !== null && 'code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) {
      return current as PgError;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Which constraint a failed statement broke, when it broke a unique or foreign key
 * constraint: the database is the last word when two requests race past the checks.
 */
export function brokenConstraint(error: unknown): { code: string; constraint: string } | null {
  const pg = pgErrorOf(error);
  if (!pg?.code || !pg.constraint) return null;
  if (pg.code !== UNIQUE_VIOLATION && pg.code !== FOREIGN_KEY_VIOLATION) return null;
  return { code: pg.code, constraint: pg.constraint };
}
