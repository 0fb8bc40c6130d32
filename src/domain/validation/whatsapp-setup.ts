/** Validation codes of the "Set up WhatsApp" result, with their English wording. */
export const whatsAppSetupValidationMessages = {
  'number.required': 'Choose a WhatsApp number.',
  'number.notFound': 'This number does not exist any more. Choose another one.',
  'number.bound': 'Another workstream already uses this number. Choose a different one, or remove it from that workstream first.',
  'number.inUse': 'A workstream uses this number. Remove the WhatsApp setup from that workstream first.',
  'account.inUse': 'A workstream uses a number of this account. Remove the WhatsApp setup from that workstream first.',
  'language.required': 'Choose a language.',
  'language.unsupported': 'WhatsApp does not support this language for templates. Choose one from the list.',
  'message.required': 'Write the message, or turn it off.',
  'message.tooLong': 'Keep the message to 1,024 characters or fewer.',
  'messageLanguage.duplicate': 'This message already has a text in this language.',
  'survey.required': 'Write the survey link or text, or turn the survey off.',
  'survey.invalidUrl': 'Enter a full link that starts with https://.',
  'survey.tooLong': 'Keep the survey text to 1,024 characters or fewer.',
} as const;
