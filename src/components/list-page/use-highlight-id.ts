import { useSearchParams } from 'react-router';

/** The record a create page just made, named in `?highlight=` so the list can mark it. */
export function useHighlightId(): string | null {
  const [searchParams] = useSearchParams();
  return searchParams.get('highlight');
}
