import { englishCharacterName } from './refused-character';

/** What a validation message may name: the character that was refused. */
export interface ValidationParams {
  character?: string;
}

/**
 * A code and its parameters as one string ("accountSid.notHex?character=G"): zod issues
 * and form errors carry only a message, and the parameter must survive both.
 */
export function withParams(code: string, params?: ValidationParams): string {
  if (params?.character === undefined) return code;
  return `${code}?${new URLSearchParams({ character: params.character }).toString()}`;
}

/** The code and parameters of a message made by `withParams` (a plain code has none). */
export function splitParams(message: string): { code: string; params: ValidationParams } {
  const at = message.indexOf('?');
  if (at < 0) return { code: message, params: {} };
  const character = new URLSearchParams(message.slice(at + 1)).get('character');
  return { code: message.slice(0, at), params: character === null ? {} : { character } };
}

/** Fills an English message's placeholders, for API readers. */
export function fillEnglish(message: string, params: ValidationParams): string {
  return params.character === undefined ? message : message.replaceAll('{{character}}', englishCharacterName(params.character));
}
