/** Removes what copy and paste drags along: surrounding white space, line breaks, zero-width and no-break spaces. */
export function cleanPasted(raw: string): string {
  return raw.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\u00A0/g, ' ').trim();
}

/**
 * For identifiers that never contain a space (SIDs, tokens): removes every white space
 * and invisible formatting character, wherever it is. The console shows a token in
 * groups ("9e15 5237 …") and a copy keeps the gaps; in a masked field they cannot be seen.
 */
export function withoutWhitespace(raw: string): string {
  return raw.replace(/[\s\p{Cf}]/gu, '');
}

/** The first character of a value that does not fit, to name it in the error. */
export function firstRefused(value: string, allowed: RegExp): string | undefined {
  return [...value].find((character) => !allowed.test(character));
}
