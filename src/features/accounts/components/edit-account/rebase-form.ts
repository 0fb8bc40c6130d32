import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/**
 * Moves a form onto new server values. What the user changed (relative to the values the
 * form started from) is put back on top, still dirty, so nothing typed is lost.
 */
export function rebaseForm<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>, previous: T, next: T, keepTyped = true) {
  const typed = form.getValues();
  form.reset(next, { keepErrors: keepTyped });
  if (!keepTyped) return;
  for (const key of Object.keys(typed) as Path<T>[]) {
    if (typed[key] !== previous[key]) form.setValue(key, typed[key], { shouldDirty: true });
  }
}
