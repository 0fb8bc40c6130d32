/** How a refused character is named in an error: itself, or its code point when it cannot be seen. */
export type CharacterName = { visible: true; character: string } | { visible: false; codePoint: string };

const INVISIBLE = /^[\p{C}\p{Z}\p{M}]$/u;

export function nameCharacter(character: string): CharacterName {
  if (!INVISIBLE.test(character)) return { visible: true, character };
  const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return { visible: false, codePoint: `U+${codePoint}` };
}

/** The English naming, for the API's messages: “G”, or U+00A0 (invisible). */
export function englishCharacterName(character: string): string {
  const name = nameCharacter(character);
  return name.visible ? `“${name.character}”` : `${name.codePoint} (invisible)`;
}
