/** Validation codes of messages agents send, with their English wording. */
export const conversationValidationMessages = {
  'reply.required': 'Write a message, or attach a file.',
  'reply.tooLong': 'Twilio sends at most 1,600 characters in a WhatsApp message. Split it into two.',
  'template.required': 'Choose an approved template.',
  'template.notApproved': 'Only templates WhatsApp has approved can be sent.',
  'template.wrongAccount': 'This template belongs to another Twilio account.',
  'variables.count': 'Fill in every variable of the template.',
  'variable.required': 'Fill in this variable.',
  'variable.tooLong': 'Keep each variable to 1,024 characters or fewer.',
  'media.type': 'WhatsApp accepts JPG, PNG, MP3, OGG, AMR, MP4 and PDF files.',
  'media.tooLarge': 'WhatsApp accepts files of at most 16 MB.',
  'media.imageTooLarge': 'WhatsApp accepts images of at most 5 MB.',
  'media.empty': 'This file is empty.',
  'media.notAllowed': 'Agents may not send files in this workstream.',
  'media.unknown': 'The attached file is gone. Attach it again.',
} as const;
