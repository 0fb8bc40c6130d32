/*
 * How lists are ordered, shared by the demo backend and the server so that both answer
 * in the same order. The lists are small: they are sorted in memory, not by the database,
 * whose collation differs between PGlite and PostgreSQL.
 */

/** Names as people read them: case and accents aside ("beta" after "Alpha", "élan" with "elan"). */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** Code-unit order (as SQL's COLLATE "C"), for ASCII codes where no locale should reorder "_". */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Queues: lower priority numbers are handled first; ties by name, then by id, so the order is total. */
export function byPriorityThenName(a: { priority: number; name: string; id: string }, b: { priority: number; name: string; id: string }): number {
  return a.priority - b.priority || compareNames(a.name, b.name) || a.id.localeCompare(b.id);
}

/** Workstreams: by name; names that read the same, by creation (a stable sort keeps insertion order after that). */
export function byNameThenCreation(a: { name: string; createdAt: string }, b: { name: string; createdAt: string }): number {
  return compareNames(a.name, b.name) || a.createdAt.localeCompare(b.createdAt);
}

/** Message templates: grouped by name, then by language code ("en" before "en_GB" before "sv"). */
export function byNameThenLanguage(a: { name: string; language: string }, b: { name: string; language: string }): number {
  return compareCodes(a.name, b.name) || compareCodes(a.language, b.language);
}
