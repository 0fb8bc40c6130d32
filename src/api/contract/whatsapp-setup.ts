import { z } from 'zod';
import { isWhatsAppLanguage, whatsAppLanguages } from '@/domain/whatsapp-languages';
import { despiteOtherIssuesInArray, looseProperty } from './despite-other-issues';
import { hasNoControlCharacter, hasNoControlCharacterButLineBreaks, idField, strictInputErrors, timestampField, versionField } from './fields';

export const MAX_AUTOMATED_MESSAGE_LENGTH = 1024;
import { automatedMessageTriggers } from '@/domain/automated-messages';

export { automatedMessageTriggers, type AutomatedMessageTrigger } from '@/domain/automated-messages';

export const languageField = z
  .string({ error: 'language.required' })
  // One message: a blank language is missing, not also unsupported. Not an aborting check,
  // which would hide the duplicates among the other languages.
  .superRefine((code, ctx) => {
    if (code === '') ctx.addIssue({ code: 'custom', message: 'language.required', input: code });
    else if (!isWhatsAppLanguage(code)) ctx.addIssue({ code: 'custom', message: 'language.unsupported', input: code });
  })
  .transform((code) => code as (typeof whatsAppLanguages)[number]);

const automatedMessageSchema = z.strictObject(
  {
    trigger: z.enum(automatedMessageTriggers, { error: 'field.invalid' }),
    language: languageField,
    text: z
      .string({ error: 'message.required' })
      .trim()
      .min(1, { error: 'message.required' })
      .max(MAX_AUTOMATED_MESSAGE_LENGTH, { error: 'message.tooLong' })
      .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' }),
  },
  strictInputErrors,
);

/** The survey sent when a conversation closes: off, a link, or a text. */
export const surveySchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('off') }, strictInputErrors),
    z.strictObject(
      {
        mode: z.literal('link'),
        url: z
          .string({ error: 'survey.required' })
          .trim()
          .min(1, { error: 'survey.required', abort: true })
          .max(2000, { error: 'survey.tooLong', abort: true })
          .refine(hasNoControlCharacter, { error: 'text.controlCharacter', abort: true })
          .refine(isHttpsUrl, { error: 'survey.invalidUrl' }),
      },
      strictInputErrors,
    ),
    z.strictObject(
      {
        mode: z.literal('text'),
        text: z
          .string({ error: 'survey.required' })
          .trim()
          .min(1, { error: 'survey.required' })
          .max(1024, { error: 'survey.tooLong' })
          .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' }),
      },
      strictInputErrors,
    ),
  ],
  { error: 'field.invalid' },
);

export const attachmentsSchema = z.strictObject(
  { customersCanSend: z.boolean({ error: 'field.invalid' }), agentsCanSend: z.boolean({ error: 'field.invalid' }) },
  strictInputErrors,
);

/** PUT /api/workstreams/:id/whatsapp: the result of the "Set up WhatsApp" wizard. */
export const whatsAppSetupInputSchema = z.strictObject(
  {
    /** The workstream's version: the setup is part of the workstream. */
    version: versionField,
    numberId: z.string({ error: 'number.required' }).min(1, { error: 'number.required' }),
    language: languageField,
    automatedMessages: z
      .array(automatedMessageSchema, { error: 'field.invalid' })
      .max(automatedMessageTriggers.length * whatsAppLanguages.length, { error: 'field.invalid' })
      .superRefine((messages: unknown[], ctx) => {
        const seen = new Set<string>();
        messages.forEach((message, index) => {
          const language = looseProperty(message, 'language');
          if (typeof language !== 'string' || language === '') return;
          const key = `${String(looseProperty(message, 'trigger'))}/${language}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'messageLanguage.duplicate', path: [index, 'language'], input: language });
          seen.add(key);
        });
      }, despiteOtherIssuesInArray),
    survey: surveySchema,
    attachments: attachmentsSchema,
  },
  strictInputErrors,
);

export const whatsAppSetupSchema = z.object({
  numberId: idField,
  number: z.string(),
  numberName: z.string(),
  accountId: idField,
  accountName: z.string(),
  language: z.enum(whatsAppLanguages),
  automatedMessages: z.array(z.object({ trigger: z.enum(automatedMessageTriggers), language: z.enum(whatsAppLanguages), text: z.string() })),
  survey: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('off') }),
    z.object({ mode: z.literal('link'), url: z.string() }),
    z.object({ mode: z.literal('text'), text: z.string() }),
  ]),
  attachments: z.object({ customersCanSend: z.boolean(), agentsCanSend: z.boolean() }),
  updatedAt: timestampField,
});

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export type WhatsAppSetup = z.infer<typeof whatsAppSetupSchema>;
export type WhatsAppSetupInput = z.input<typeof whatsAppSetupInputSchema>;
export type WhatsAppSetupValues = z.output<typeof whatsAppSetupInputSchema>;
export type Survey = WhatsAppSetup['survey'];
export type AutomatedMessage = WhatsAppSetup['automatedMessages'][number];
