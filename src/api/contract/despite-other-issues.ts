import type { core } from 'zod';

/*
 * zod skips a refinement once any part of the value has failed, so a form would show its
 * cross-field errors only after the others were fixed. With these options the refinement
 * runs anyway; it must then read the value loosely, as any part of it may be invalid.
 */
export const despiteOtherIssuesInArray = { when: (payload: core.ParsePayload) => Array.isArray(payload.value) };
export const despiteOtherIssuesInObject = {
  when: (payload: core.ParsePayload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

/** The items of a value that may be anything; none unless it is an array. */
export function looseArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A property of a value that may be anything. */
export function looseProperty(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
