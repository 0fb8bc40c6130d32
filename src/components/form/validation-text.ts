import type { TFunction } from 'i18next';
import { nameCharacter } from '@/domain/refused-character';
import { isValidationCode } from '@/domain/validation-messages';
import { splitParams, type ValidationParams } from '@/domain/validation-params';

/**
 * The reader's wording of a validation code and its parameters, or undefined for a
 * message that is no code (already words).
 */
export function validationText(t: TFunction, code: string, params: ValidationParams = {}): string | undefined {
  if (!isValidationCode(code)) return undefined;
  if (params.character === undefined) return t(`validation.${code}`);
  const name = nameCharacter(params.character);
  const character = name.visible
    ? t('characterName.visible', { character: name.character })
    : t('characterName.invisible', { codePoint: name.codePoint });
  return t(`validation.${code}`, { character });
}

/** The same for a form error's message, which carries the parameters after the code. */
export function validationMessageText(t: TFunction, message: string): string | undefined {
  const { code, params } = splitParams(message);
  return validationText(t, code, params);
}
