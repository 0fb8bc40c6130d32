/** The time zone of the browser, the likeliest choice for a new queue. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA time zone the browser knows, plus the current value if it is not among them. */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...known, 'UTC']);
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b, 'en'));
}
