import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@/api/contract/session';
import { sessionQueries } from '@/resources/session';

/** The signed-in user; inside the session gate there always is one. */
export function useSessionUser(): SessionUser | null {
  const { data } = useQuery(sessionQueries.current());
  return data?.user ?? null;
}
