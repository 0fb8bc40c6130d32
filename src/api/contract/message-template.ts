import { z } from 'zod';
import { withoutWhitespace } from '@/domain/pasted-text';
import { checkTemplateBody, checkTemplateVariables, variableCount } from '@/domain/template-variables';
import { isWhatsAppLanguage, whatsAppLanguages, type WhatsAppLanguage } from '@/domain/whatsapp-languages';
import { hasNoControlCharacter, hasNoControlCharacterButLineBreaks, idField, strictInputErrors, timestampField, versionField } from './fields';

export const templateCategories = ['utility', 'marketing', 'authentication'] as const;
export const templateStatuses = ['draft', 'pending', 'approved', 'rejected'] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

const TEMPLATE_NAME = /^[a-z0-9_]+$/;
const CONTENT_SID = /^HX[0-9a-f]{32}$/;

/** One message per name, the first rule it breaks (a blank name is not also "invalid"). */
function templateNameIssue(name: string) {
  if (name === '') return 'templateName.required';
  if (name.length > 512) return 'templateName.tooLong';
  if (!TEMPLATE_NAME.test(name)) return 'templateName.invalid';
  return null;
}

const nameField = z
  .string({ error: 'templateName.required' })
  .trim()
  // Not an aborting check: the body and examples are still checked when the name is wrong.
  .superRefine((name, ctx) => {
    const code = templateNameIssue(name);
    if (code) ctx.addIssue({ code: 'custom', message: code, input: name });
  });

/**
 * The language, with the codes of the setup wizard's language field, but never an aborting
 * check: an aborted field would hide the body's problems, which are checked across fields.
 */
const languageField = z
  .string({ error: 'language.required' })
  .superRefine((code, ctx) => {
    if (code === '') ctx.addIssue({ code: 'custom', message: 'language.required', input: code });
    else if (!isWhatsAppLanguage(code)) ctx.addIssue({ code: 'custom', message: 'language.unsupported', input: code });
  })
  .transform((code) => code as WhatsAppLanguage);

const bodyField = z.string({ error: 'body.required' }).refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' });

const examplesField = z.array(
  z.string({ error: 'example.required' }).trim().max(200, { error: 'example.tooLong' }).refine(hasNoControlCharacter, { error: 'text.controlCharacter' }),
  { error: 'field.invalid' },
);

const contentSidField = z
  .string({ error: 'contentSid.invalid' })
  // A SID has no white space: whatever a copy dragged along, wherever it is, goes.
  .overwrite(withoutWhitespace)
  .transform((value) => (value === '' ? null : value.replace(/^hx/i, 'HX').replace(/(?<=^HX).*/, (rest) => rest.toLowerCase())))
  .refine((value) => value === null || CONTENT_SID.test(value), { error: 'contentSid.invalid' })
  .nullable();

const rejectionReasonField = z
  .string({ error: 'field.invalid' })
  .trim()
  .max(500, { error: 'rejectionReason.tooLong' })
  .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' })
  .transform((value) => (value === '' ? null : value))
  .nullable();

/** The fields a template has once created or updated, checked together. */
export interface TemplateFields {
  body: string;
  examples: readonly string[];
  status: TemplateStatus;
  rejectionReason: string | null;
}

/**
 * The rules that span fields: the body's variables, one example per variable, and a
 * reason for a rejection. Used on create, and on update with the stored values merged in.
 */
export function templateFieldIssues(fields: TemplateFields): { path: string; code: 'body.required' | 'body.tooLong' | 'body.malformedVariable' | 'body.variablesNotSequential' | 'body.adjacentVariables' | 'example.required' | 'examples.count' | 'rejectionReason.required' }[] {
  const issues: ReturnType<typeof templateFieldIssues> = [];
  const body = checkTemplateBody(fields.body);
  if (!body.ok) issues.push({ path: 'body', code: body.error });
  // A body that is only too long still has sound variables: their examples are checked with it.
  if (body.ok || (body.error === 'body.tooLong' && checkTemplateVariables(fields.body).ok)) {
    const needed = variableCount(fields.body);
    if (fields.examples.length > needed) issues.push({ path: 'examples', code: 'examples.count' });
    for (let index = 0; index < needed; index++) {
      if ((fields.examples[index] ?? '') === '') issues.push({ path: `examples.${index}`, code: 'example.required' });
    }
  }
  if (fields.status === 'rejected' && !fields.rejectionReason) issues.push({ path: 'rejectionReason', code: 'rejectionReason.required' });
  return issues;
}

export const templateCreateInputSchema = z
  .strictObject(
    {
      name: nameField,
      language: languageField,
      category: z.enum(templateCategories, { error: 'field.invalid' }),
      body: bodyField,
      // A body without variables needs no examples, so the list may be left out.
      examples: examplesField.default([]),
      contentSid: contentSidField.optional().transform((value) => value ?? null),
      status: z.enum(templateStatuses, { error: 'field.invalid' }).default('draft'),
      rejectionReason: rejectionReasonField.optional().transform((value) => value ?? null),
    },
    strictInputErrors,
  )
  .superRefine(
    (input, ctx) => {
      for (const issue of templateFieldIssues(input)) {
        ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), input });
      }
    },
    // Also when another field (a missing language, a bad name) failed: every problem is reported at once.
    { when: (payload) => hasCheckableFields(payload.value) },
  );

/** Whether the body and examples parsed far enough for the rules that span fields. */
function hasCheckableFields(value: unknown): value is TemplateFields {
  if (typeof value !== 'object' || value === null) return false;
  const { body, examples } = value as Partial<Record<keyof TemplateFields, unknown>>;
  return typeof body === 'string' && Array.isArray(examples) && examples.every((example) => typeof example === 'string');
}

export const templateUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: nameField.optional(),
    language: languageField.optional(),
    category: z.enum(templateCategories, { error: 'field.invalid' }).optional(),
    body: bodyField.optional(),
    examples: examplesField.optional(),
    contentSid: contentSidField.optional(),
    status: z.enum(templateStatuses, { error: 'field.invalid' }).optional(),
    rejectionReason: rejectionReasonField.optional(),
  },
  strictInputErrors,
);

export const messageTemplateSchema = z.object({
  id: idField,
  accountId: idField,
  name: z.string(),
  language: z.enum(whatsAppLanguages),
  category: z.enum(templateCategories),
  body: z.string(),
  examples: z.array(z.string()),
  contentSid: z.string().nullable(),
  status: z.enum(templateStatuses),
  /** Why WhatsApp rejected it; only with status "rejected". */
  rejectionReason: z.string().nullable(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: versionField,
});

export const templateListSchema = z.object({ items: z.array(messageTemplateSchema) });

export type MessageTemplate = z.infer<typeof messageTemplateSchema>;
export type TemplateCreateInput = z.input<typeof templateCreateInputSchema>;
export type TemplateCreate = z.output<typeof templateCreateInputSchema>;
export type TemplateUpdateInput = z.input<typeof templateUpdateInputSchema>;
export type TemplateUpdate = z.output<typeof templateUpdateInputSchema>;
