import type { WorkstreamFormValues } from '@/features/workstreams/components/workstream-form/form-values';

/**
 * The values a form shows after a reload: the server's, except for each setting the user
 * changed since the form started (compared with where it started), which is kept.
 */
export function rebaseValues(typed: WorkstreamFormValues, previous: WorkstreamFormValues, next: WorkstreamFormValues) {
  const values = { ...next };
  const kept: (keyof WorkstreamFormValues)[] = [];
  for (const key of Object.keys(next) as (keyof WorkstreamFormValues)[]) {
    if (JSON.stringify(typed[key]) !== JSON.stringify(previous[key])) {
      Object.assign(values, { [key]: typed[key] });
      kept.push(key);
    }
  }
  return { values, kept };
}
