import type { AccountSidError } from './account-sid';
import type { AuthTokenError } from './auth-token';
import type { E164Error } from './e164';
import type { TemplateBodyError } from './template-variables';
import { conversationValidationMessages } from './validation/conversations';
import { queueValidationMessages } from './validation/queues';
import { routingValidationMessages } from './validation/routing';
import { templateValidationMessages } from './validation/templates';
import { userValidationMessages } from './validation/users';
import { whatsAppSetupValidationMessages } from './validation/whatsapp-setup';
import { workstreamValidationMessages } from './validation/workstreams';

type AccountValidationCode =
  | AccountSidError
  | AuthTokenError
  | E164Error
  | 'name.required'
  | 'name.tooLong'
  | 'name.taken'
  | 'channel.unsupported'
  | 'numbers.required'
  | 'numbers.tooMany'
  | 'number.duplicate'
  | 'number.taken'
  | 'numberName.required'
  | 'numberName.tooLong'
  | 'field.unknown'
  | 'field.required'
  | 'field.invalid'
  | 'text.controlCharacter'
  | 'version.required';

const accountValidationMessages: Record<AccountValidationCode, string> = {
  'accountSid.required': 'Enter the Account SID from the Twilio console.',
  'accountSid.tokenPasted':
    'This looks like an auth token. The Account SID starts with AC; paste the token in the Auth token field.',
  'accountSid.wrongPrefix': 'An Account SID starts with AC followed by 32 letters a–f and digits.',
  'accountSid.wrongLength': 'An Account SID has AC followed by exactly 32 letters a–f and digits.',
  'accountSid.notHex': 'The character {{character}} is not allowed: after AC, an Account SID has only the letters a–f and digits 0–9.',
  'authToken.required': 'Enter the auth token from the Twilio console.',
  'authToken.sidPasted':
    'This is an Account SID. The auth token is the 32-character secret shown next to it in the Twilio console.',
  'authToken.wrongLength': 'An auth token has exactly 32 letters a–f and digits.',
  'authToken.notHex': 'The character {{character}} is not allowed: an auth token has only the letters a–f and digits 0–9.',
  'e164.required': 'Enter a phone number.',
  'e164.missingPlus': 'Write the number in international format: + and the country code, for example +358401234567.',
  'e164.leadingZero': 'A country code never starts with 0. After the +, write the country code, then the number without its leading 0, for example +358 40 123 4567.',
  'e164.invalidCharacters': 'The character {{character}} is not allowed: a phone number has one + at the start and then only digits (spaces and dashes are removed for you).',
  'e164.tooShort': 'Add the digits of the number after the +.',
  'e164.tooLong': 'A phone number has at most 15 digits after the +.',
  'name.required': 'Enter a name.',
  'name.tooLong': 'Keep the name to 100 characters or fewer.',
  'name.taken': 'Another account already has this name. Choose a different one.',
  'channel.unsupported': 'Only the WhatsApp channel is supported.',
  'numbers.required': 'Add at least one WhatsApp number.',
  'numbers.tooMany': 'An account can have at most 50 WhatsApp numbers.',
  'number.duplicate': 'This number is already in the list.',
  'number.taken': 'Another account already uses this number.',
  'numberName.required': 'Give the number a name, for example “Support line”.',
  'numberName.tooLong': 'Keep the name to 64 characters or fewer.',
  'field.unknown': 'This field is not expected here.',
  'field.required': 'This field is required.',
  'field.invalid': 'This value is not valid.',
  'text.controlCharacter': 'Remove the invisible control character (such as NUL or BEL) from this text.',
  'version.required': 'The version of the record being changed is missing.',
};

/**
 * English wording of every validation code. The API sends it as `message` beside the
 * code; the UI shows the translation of the code (see src/i18n), falling back to it.
 */
export const validationMessages = {
  ...accountValidationMessages,
  ...queueValidationMessages,
  ...workstreamValidationMessages,
  ...whatsAppSetupValidationMessages,
  ...templateValidationMessages,
  ...routingValidationMessages,
  ...userValidationMessages,
  ...conversationValidationMessages,
} satisfies Record<TemplateBodyError, string>;

export type ValidationCode = keyof typeof validationMessages;

export function isValidationCode(code: string): code is ValidationCode {
  return Object.hasOwn(validationMessages, code);
}
