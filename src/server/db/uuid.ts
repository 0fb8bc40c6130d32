const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs in the database; anything else names nothing that exists. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
