/** Removes what copy and paste drags along: surrounding white space, line breaks, zero-width and no-break spaces. */
export function cleanPasted(raw: string): string {
  return raw.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\u00A0/g, ' ').trim();
}
