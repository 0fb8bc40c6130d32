import { z } from 'zod';
import { idField, timestampField } from './fields';

export const auditActions = ['created', 'updated', 'deleted'] as const;
export const auditEntityTypes = [
  'account',
  'number',
  'template',
  'workstream',
  'whatsappSetup',
  'routingRules',
  'queue',
  'user',
  'conversation',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z.object({
  id: idField,
  at: timestampField,
  /** Who made the change; the name is kept as it was, so it survives the user's removal. */
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.enum(auditActions),
  entityType: z.enum(auditEntityTypes),
  entityId: z.string(),
  entityName: z.string(),
  /** Names of the fields that changed; a secret shows here as changed, never with its value. */
  changedFields: z.array(z.string()),
  /** A number's E.164 changed: from what, to what, and the workstream then bound to it (Twilio must follow). */
  renumbered: z
    .object({ from: z.string(), to: z.string(), workstream: z.object({ id: z.string(), name: z.string() }).nullable() })
    .optional(),
});

export const auditEventPageSchema = z.object({
  items: z.array(auditEventSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** GET /api/audit-events?entityType=&action=&actorId=&before=&limit= */
export const auditQuerySchema = z.strictObject(
  {
    entityType: z.enum(auditEntityTypes, { error: 'field.invalid' }).optional(),
    action: z.enum(auditActions, { error: 'field.invalid' }).optional(),
    actorId: z.string({ error: 'field.invalid' }).max(100, { error: 'field.invalid' }).optional(),
    before: z.string({ error: 'field.invalid' }).max(200, { error: 'field.invalid' }).optional(),
    limit: z.coerce.number({ error: 'field.invalid' }).int({ error: 'field.invalid' }).min(1, { error: 'field.invalid' }).max(200, { error: 'field.invalid' }).default(50),
  },
  { error: () => 'field.invalid' },
);

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;
export type AuditQuery = z.input<typeof auditQuerySchema>;
