import { z } from 'zod';
import { e164Field, idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';

export const numberNameField = requiredText(64, { required: 'numberName.required', tooLong: 'numberName.tooLong' });

export const whatsAppNumberSchema = z.object({
  id: idField,
  accountId: idField,
  name: z.string(),
  number: z.string(),
  /** The workstream that uses it ("Set up WhatsApp"); a number in use cannot be removed. */
  workstream: z.object({ id: idField, name: z.string() }).nullable(),
  /** Open conversations customers started with this number: a renumber leaves them talking to the old one. */
  openConversations: z.number().int().nonnegative(),
  createdAt: timestampField,
  version: versionField,
});

export const numberListSchema = z.object({ items: z.array(whatsAppNumberSchema) });

export const numberCreateInputSchema = z.strictObject(
  { name: numberNameField, number: e164Field },
  strictInputErrors,
);

export const numberUpdateInputSchema = z.strictObject(
  { version: versionField, name: numberNameField.optional(), number: e164Field.optional() },
  strictInputErrors,
);

export type WhatsAppNumber = z.infer<typeof whatsAppNumberSchema>;
export type NumberCreateInput = z.input<typeof numberCreateInputSchema>;
export type NumberUpdateInput = z.input<typeof numberUpdateInputSchema>;
