/** A timestamp column as the contract writes it (ISO 8601 in UTC), whatever the driver returned. */
export function iso(value: string | Date): string {
  return new Date(value).toISOString();
}

export function isoOrNull(value: string | Date | null): string | null {
  return value === null ? null : iso(value);
}
