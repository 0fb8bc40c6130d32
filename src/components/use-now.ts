import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/** The current time, moving on every minute: enough for "5 h 12 min left" in a list. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setTimeout(() => setNow(new Date()), MINUTE);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
