import { malformedJsonDetail, missingBodyDetail } from './problem-bodies';

export const nulCharacterDetail = 'The request contains a NUL character (U+0000), which no field accepts.';

/**
 * A request body read the way both backends read it: empty, malformed JSON, or a NUL
 * character anywhere (PostgreSQL cannot store one) are the caller's error, each in words.
 */
export function readJsonText(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  if (text.trim() === '') return { ok: false, detail: missingBodyDetail };
  let nul = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (key.includes('\0') || (typeof item === 'string' && item.includes('\0'))) nul = true;
      return item;
    });
  } catch {
    return { ok: false, detail: malformedJsonDetail };
  }
  return nul ? { ok: false, detail: nulCharacterDetail } : { ok: true, value };
}
