/** What a user says about themselves; Offline is also what they count as when they have gone quiet. */
export const presences = ['available', 'busy', 'doNotDisturb', 'away', 'offline'] as const;
export type Presence = (typeof presences)[number];

/** The presences a workstream may allow: an Offline user never receives conversations. */
export const routablePresences = ['available', 'busy', 'doNotDisturb', 'away'] as const;
export type RoutablePresence = (typeof routablePresences)[number];

/**
 * Minutes without a request or an open event stream after which a user counts as Offline,
 * whatever they chose: a closed laptop must not keep receiving conversations.
 */
export const PRESENCE_STALE_MINUTES = 3;

/** The presence routing and administrators see: the chosen one while the user is around, else Offline. */
export function effectivePresence(chosen: Presence, lastActiveAt: string | null, now: Date): Presence {
  if (lastActiveAt === null) return 'offline';
  const quietMs = now.getTime() - new Date(lastActiveAt).getTime();
  return quietMs > PRESENCE_STALE_MINUTES * 60_000 ? 'offline' : chosen;
}
