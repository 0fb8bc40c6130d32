import { z } from 'zod';
import { isTimeOfDay, isTimeZone, minutesOf, weekdays } from '@/domain/operating-hours';
import { EMAIL_PATTERN, idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';
import { usageSchema } from './usage';

export const MAX_QUEUE_MEMBERS = 500;

export const queueNameField = requiredText(100, { required: 'name.required', tooLong: 'name.tooLong' });
export const priorityField = z.number({ error: 'priority.range' }).int({ error: 'priority.range' }).min(1, { error: 'priority.range' }).max(10, { error: 'priority.range' });

export const queueMemberSchema = z.strictObject(
  {
    name: requiredText(100, { required: 'memberName.required', tooLong: 'memberName.tooLong' }),
    email: z
      .string({ error: 'email.invalid' })
      .trim()
      .toLowerCase()
      .max(254, { error: 'email.invalid' })
      .regex(EMAIL_PATTERN, { error: 'email.invalid' }),
  },
  strictInputErrors,
);

const membersField = z
  .array(queueMemberSchema, { error: 'field.invalid' })
  .max(MAX_QUEUE_MEMBERS, { error: 'members.tooMany' })
  .superRefine((members, ctx) => {
    const seen = new Set<string>();
    members.forEach((member, index) => {
      if (seen.has(member.email)) ctx.addIssue({ code: 'custom', message: 'email.duplicate', path: [index, 'email'], input: member.email });
      seen.add(member.email);
    });
  });

const timeField = z.string({ error: 'time.invalid' }).trim().refine(isTimeOfDay, { error: 'time.invalid' });
const hasValidTimes = (period: { open: string; close: string }) => isTimeOfDay(period.open) && isTimeOfDay(period.close);

export const openingPeriodSchema = z
  .strictObject({ day: z.enum(weekdays, { error: 'field.invalid' }), open: timeField, close: timeField }, strictInputErrors)
  // A time that is not HH:MM has its own error already; comparing it would only add noise.
  .refine((period) => !hasValidTimes(period) || minutesOf(period.close) > minutesOf(period.open), {
    error: 'hours.endBeforeStart',
    path: ['close'],
  });

/** Opening periods in a time zone; null means always open. */
export const operatingHoursSchema = z.strictObject(
  {
    timeZone: z.string({ error: 'timeZone.invalid' }).refine(isTimeZone, { error: 'timeZone.invalid' }),
    periods: z
      .array(openingPeriodSchema, { error: 'field.invalid' })
      .min(1, { error: 'hours.required' })
      .max(70, { error: 'field.invalid' })
      .superRefine((periods, ctx) => {
        periods.forEach((period, index) => {
          const overlaps = periods.some(
            (other, j) =>
              j < index &&
              other.day === period.day &&
              hasValidTimes(period) &&
              hasValidTimes(other) &&
              minutesOf(period.open) < minutesOf(other.close) &&
              minutesOf(other.open) < minutesOf(period.close),
          );
          if (overlaps) ctx.addIssue({ code: 'custom', message: 'hours.overlap', path: [index, 'open'], input: period });
        });
      }),
  },
  strictInputErrors,
);

export const queueSchema = z.object({
  id: idField,
  name: z.string(),
  type: z.literal('messaging'),
  priority: z.number().int(),
  members: z.array(z.object({ name: z.string(), email: z.string() })),
  operatingHours: z
    .object({
      timeZone: z.string(),
      periods: z.array(z.object({ day: z.enum(weekdays), open: z.string(), close: z.string() })),
    })
    .nullable(),
  /** Workstreams that fall back to it and routing rules that target it; a queue in use cannot be deleted. */
  usedBy: z.array(usageSchema),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: versionField,
});

export const queueListSchema = z.object({ items: z.array(queueSchema) });

export const queueCreateInputSchema = z.strictObject(
  {
    name: queueNameField,
    type: z.literal('messaging', { error: 'field.invalid' }),
    priority: priorityField,
    members: membersField,
    operatingHours: operatingHoursSchema.nullable(),
  },
  strictInputErrors,
);

export const queueUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: queueNameField.optional(),
    priority: priorityField.optional(),
    members: membersField.optional(),
    operatingHours: operatingHoursSchema.nullable().optional(),
  },
  strictInputErrors,
);

export type Queue = z.infer<typeof queueSchema>;
export type QueueMember = Queue['members'][number];
export type OperatingHours = NonNullable<Queue['operatingHours']>;
export type QueueCreateInput = z.input<typeof queueCreateInputSchema>;
export type QueueCreate = z.output<typeof queueCreateInputSchema>;
export type QueueUpdateInput = z.input<typeof queueUpdateInputSchema>;
export type QueueUpdate = z.output<typeof queueUpdateInputSchema>;
