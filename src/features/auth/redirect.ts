import { paths } from '@/config/paths';

interface Place {
  pathname: string;
  search: string;
  hash: string;
}

const ownPages: string[] = [paths.signIn, paths.setup];

/**
 * Where to go after signing in, from the `next` parameter. Only an address inside this
 * app: anything else would let a link use the sign-in page to send people elsewhere.
 */
export function safeNextPath(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  const pathname = next.split(/[?#]/, 1)[0] ?? '';
  return ownPages.includes(pathname) ? null : next;
}

/** The sign-in page's address, remembering the page the user was going to. */
export function signInPathFrom({ pathname, search, hash }: Place): string {
  const next = `${pathname}${search}${hash}`;
  return safeNextPath(next) === null || next === paths.home ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(next)}`;
}
