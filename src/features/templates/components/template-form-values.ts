import type { Control, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  templateCreateInputSchema,
  type MessageTemplate,
  type TemplateCreate,
  type TemplateStatus,
  type templateCategories,
} from '@/api/contract/message-template';
import { variableCount } from '@/domain/template-variables';

export type TemplateCategory = (typeof templateCategories)[number];

/** What the editor holds: plain strings, so every input is controlled from the first render. */
export interface TemplateFormValues {
  name: string;
  language: string;
  category: TemplateCategory;
  body: string;
  /** May hold more than the body needs: examples of a variable typed away come back with it. */
  examples: string[];
  contentSid: string;
  status: TemplateStatus;
  rejectionReason: string;
}

export const templateFormFields = ['name', 'language', 'category', 'body', 'examples', 'contentSid', 'status', 'rejectionReason'] as const;

/** A field error path of the server ("examples.1") belongs to the editor when its first part is a field. */
export const ownsField = (path: string) => (templateFormFields as readonly string[]).includes(path.split('.')[0] ?? '');

export function formValuesOf(template: Partial<MessageTemplate>): TemplateFormValues {
  return {
    name: template.name ?? '',
    language: template.language ?? '',
    category: template.category ?? 'utility',
    body: template.body ?? '',
    examples: [...(template.examples ?? [])],
    contentSid: template.contentSid ?? '',
    status: template.status ?? 'draft',
    rejectionReason: template.rejectionReason ?? '',
  };
}

/** What is sent: one example per variable of the body, and a reason only with a rejection. */
export function toInput(values: TemplateFormValues) {
  return {
    ...values,
    examples: values.examples.slice(0, variableCount(values.body)).map((example) => example ?? ''),
    rejectionReason: values.status === 'rejected' ? values.rejectionReason : '',
  };
}

const contractResolver = zodResolver(templateCreateInputSchema);

/** The contract's own rules, on exactly what would be sent. */
export const templateFormResolver: Resolver<TemplateFormValues, unknown, TemplateCreate> = (values, context, options) =>
  contractResolver(toInput(values), context, options as never) as ReturnType<Resolver<TemplateFormValues, unknown, TemplateCreate>>;

export type TemplateFormControl = Control<TemplateFormValues, unknown, TemplateCreate>;
