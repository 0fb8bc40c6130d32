import { z } from 'zod';
import { isTimeOfDay, isTimeZone, minutesOf, weekdays } from '@/domain/operating-hours';
import { presences } from '@/domain/work-distribution/presence';
import { despiteOtherIssuesInArray, despiteOtherIssuesInObject, looseProperty } from './despite-other-issues';
import { EMAIL_PATTERN, idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';
import { roles } from './session';
import { usageSchema } from './usage';

export const MAX_QUEUE_MEMBERS = 500;

export const queueNameField = requiredText(100, { required: 'name.required', tooLong: 'name.tooLong' });
export const priorityField = z.number({ error: 'priority.range' }).int({ error: 'priority.range' }).min(1, { error: 'priority.range' }).max(10, { error: 'priority.range' });

/** Members are users, by id; an id that is no user is refused per entry (member.unknownUser). */
const memberIdsField = z
  .array(z.string({ error: 'member.unknownUser' }).min(1, { error: 'member.unknownUser' }), { error: 'field.invalid' })
  .max(MAX_QUEUE_MEMBERS, { error: 'members.tooMany' })
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: 'member.duplicate', path: [index], input: id });
      seen.add(id);
    });
  });

/**
 * Members from before members were users, whose e-mail matched no user: kept until the
 * administrator invites them (creating a user with that e-mail makes them a member) or
 * removes them. An update may only remove entries, by leaving their e-mail out.
 */
const pendingMembersField = z
  .array(z.string({ error: 'member.notPending' }).trim().toLowerCase().regex(EMAIL_PATTERN, { error: 'member.notPending' }), { error: 'field.invalid' })
  .max(MAX_QUEUE_MEMBERS, { error: 'members.tooMany' });

const timeField = z.string({ error: 'time.invalid' }).trim().refine(isTimeOfDay, { error: 'time.invalid' });
/** Whether a period, as anything that was sent, has two valid times to compare. */
const hasValidTimes = (period: unknown): period is { day: unknown; open: string; close: string } => {
  const open = looseProperty(period, 'open');
  const close = looseProperty(period, 'close');
  return typeof open === 'string' && typeof close === 'string' && isTimeOfDay(open.trim()) && isTimeOfDay(close.trim());
};

export const openingPeriodSchema = z
  .strictObject({ day: z.enum(weekdays, { error: 'field.invalid' }), open: timeField, close: timeField }, strictInputErrors)
  // A time that is not HH:MM has its own error already; comparing it would only add noise.
  .refine((period: unknown) => !hasValidTimes(period) || minutesOf(period.close.trim()) > minutesOf(period.open.trim()), {
    error: 'hours.endBeforeStart',
    path: ['close'],
    ...despiteOtherIssuesInObject,
  });

/** Opening periods in a time zone; null means always open. */
export const operatingHoursSchema = z.strictObject(
  {
    timeZone: z.string({ error: 'timeZone.invalid' }).refine(isTimeZone, { error: 'timeZone.invalid' }),
    periods: z
      .array(openingPeriodSchema, { error: 'field.invalid' })
      .min(1, { error: 'hours.required' })
      .max(70, { error: 'field.invalid' })
      .superRefine((periods: unknown[], ctx) => {
        periods.forEach((period, index) => {
          if (!hasValidTimes(period)) return;
          const overlaps = periods.some(
            (other, j) =>
              j < index &&
              hasValidTimes(other) &&
              other.day === period.day &&
              minutesOf(period.open.trim()) < minutesOf(other.close.trim()) &&
              minutesOf(other.open.trim()) < minutesOf(period.close.trim()),
          );
          if (overlaps) ctx.addIssue({ code: 'custom', message: 'hours.overlap', path: [index, 'open'], input: period });
        });
      }, despiteOtherIssuesInArray),
  },
  strictInputErrors,
);

export const queueMemberSchema = z.object({
  userId: idField,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  presence: z.enum(presences),
});

export const pendingMemberSchema = z.object({ name: z.string(), email: z.string() });

export const queueSchema = z.object({
  id: idField,
  name: z.string(),
  type: z.literal('messaging'),
  priority: z.number().int(),
  members: z.array(queueMemberSchema),
  pendingMembers: z.array(pendingMemberSchema),
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
    memberIds: memberIdsField,
    operatingHours: operatingHoursSchema.nullable(),
  },
  strictInputErrors,
);

export const queueUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: queueNameField.optional(),
    priority: priorityField.optional(),
    memberIds: memberIdsField.optional(),
    pendingMembers: pendingMembersField.optional(),
    operatingHours: operatingHoursSchema.nullable().optional(),
  },
  strictInputErrors,
);

export type Queue = z.infer<typeof queueSchema>;
export type QueueMember = Queue['members'][number];
export type PendingMember = Queue['pendingMembers'][number];
export type OperatingHours = NonNullable<Queue['operatingHours']>;
export type QueueCreateInput = z.input<typeof queueCreateInputSchema>;
export type QueueCreate = z.output<typeof queueCreateInputSchema>;
export type QueueUpdateInput = z.input<typeof queueUpdateInputSchema>;
export type QueueUpdate = z.output<typeof queueUpdateInputSchema>;

/** GET /api/queues/overview: per queue, what waits and who can take it (administrators). */
export const queueOverviewSchema = z.object({
  items: z.array(
    z.object({
      queueId: idField,
      name: z.string(),
      priority: z.number().int(),
      /** Within its opening hours now (always, without hours). */
      open: z.boolean(),
      waiting: z.number().int().nonnegative(),
      /** Of those waiting, how many wait for the queue to open. */
      waitingForOpening: z.number().int().nonnegative(),
      /** When the longest-waiting conversation entered the queue; null when none waits. */
      oldestWaitingSince: timestampField.nullable(),
      members: z.array(
        z.object({ userId: idField, name: z.string(), presence: z.enum(presences), usedCapacity: z.number().int().nonnegative(), capacity: z.number().int() }),
      ),
    }),
  ),
});

export type QueueOverview = z.infer<typeof queueOverviewSchema>;
