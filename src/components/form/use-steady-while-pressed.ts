import { useState, useSyncExternalStore } from 'react';
import { isPointerPressed, subscribeToPointerPress } from './pointer-press';

/**
 * The value as it was when the current press began, until the press is over; the value
 * itself otherwise. For messages that would otherwise appear between a press on a button and
 * its click (a field validated on blur), moving the button from under the pointer.
 */
export function useSteadyWhilePressed<T>(value: T): T {
  const pressed = useSyncExternalStore(subscribeToPointerPress, isPointerPressed, () => false);
  const [steady, setSteady] = useState(value);
  if (!pressed && !Object.is(steady, value)) setSteady(value);
  return pressed ? steady : value;
}
