/**
 * The token of the setup link. The server prints `/setup#token=…`: a fragment never
 * reaches a server or its logs. Under the demo's hash URLs it may come as `?token=…`.
 */
export function setupTokenFrom({ hash, search }: { hash: string; search: string }): string {
  const fromFragment = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return (fromFragment ?? new URLSearchParams(search).get('token') ?? '').trim();
}
