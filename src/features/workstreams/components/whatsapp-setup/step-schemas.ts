import { z } from 'zod';
import {
  automatedMessageTriggers,
  languageField,
  surveySchema,
  whatsAppSetupInputSchema,
  type AutomatedMessageTrigger,
} from '@/api/contract/whatsapp-setup';
import { despiteOtherIssuesInArray, looseProperty } from '@/api/contract/despite-other-issues';
import type { SetupDraft } from './setup-draft';
import type { FormStep } from './setup-steps';

/*
 * Each step validates its fields with the contract's own field schemas and codes. The
 * behaviors step edits messages per trigger and keeps what is switched off, so its form
 * schema is shaped for that, built from the contract's pieces.
 */
export const numberStepSchema = whatsAppSetupInputSchema.pick({ numberId: true });
export const languageStepSchema = whatsAppSetupInputSchema.pick({ language: true });
export const featuresStepSchema = whatsAppSetupInputSchema.pick({ attachments: true });

const messageTextField = whatsAppSetupInputSchema.shape.automatedMessages.element.shape.text;
const [, linkSurvey, textSurvey] = surveySchema.options;

const textRows = (validate: boolean) =>
  z.array(z.object({ language: validate ? languageField : z.string(), text: validate ? messageTextField : z.string() }));

const messageSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false), texts: textRows(false) }),
  z.object({
    enabled: z.literal(true),
    texts: textRows(true).superRefine((texts: unknown[], ctx) => {
      const seen = new Set<string>();
      texts.forEach((row, index) => {
        const language = looseProperty(row, 'language');
        if (typeof language !== 'string' || language === '') return;
        if (seen.has(language)) ctx.addIssue({ code: 'custom', message: 'messageLanguage.duplicate', path: [index, 'language'], input: language });
        seen.add(language);
      });
    }, despiteOtherIssuesInArray),
  }),
]);

export const behaviorsStepSchema = z.object({
  messages: z.object(
    Object.fromEntries(automatedMessageTriggers.map((trigger) => [trigger, messageSchema])) as Record<AutomatedMessageTrigger, typeof messageSchema>,
  ),
  survey: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('off'), url: z.string(), text: z.string() }),
    z.object({ mode: z.literal('link'), url: linkSurvey.shape.url, text: z.string() }),
    z.object({ mode: z.literal('text'), url: z.string(), text: textSurvey.shape.text }),
  ]),
});

export type BehaviorsValues = Pick<SetupDraft, 'messages' | 'survey'>;

/**
 * Which step owns a field of the request, and the field's path in that step's form.
 * Messages are flattened in the request; `messagePaths` (from the draft that was sent)
 * leads each one back to its place.
 */
export function formFieldOf(path: string, messagePaths: string[]): { step: FormStep; path: string } | null {
  const [head, index, ...rest] = path.split('.');
  switch (head) {
    case 'numberId':
      return { step: 'number', path: 'numberId' };
    case 'language':
      return { step: 'language', path: 'language' };
    case 'automatedMessages': {
      const base = index === undefined ? undefined : messagePaths[Number(index)];
      return base ? { step: 'behaviors', path: [base, ...rest].join('.') } : { step: 'behaviors', path: 'messages' };
    }
    case 'survey':
      return { step: 'behaviors', path: path };
    case 'attachments':
      return { step: 'features', path: path };
    default:
      return null;
  }
}
