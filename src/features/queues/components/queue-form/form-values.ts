import { z } from 'zod';
import { operatingHoursSchema, queueCreateInputSchema, type Queue, type QueueCreateInput } from '@/api/contract/queue';
import { sortPeriods, weekdayPeriods, type Weekday } from '@/domain/operating-hours';

const { name, priority, memberIds } = queueCreateInputSchema.shape;

/**
 * The form keeps the hours it would send even while "Always open" is chosen, so that a
 * second thought does not lose them; the fields are named as in the API, so that the
 * server's field errors land on them.
 */
export const queueFormSchema = z
  .discriminatedUnion('hoursMode', [
    z.object({ name, priority, memberIds, hoursMode: z.literal('always'), operatingHours: z.unknown() }),
    z.object({ name, priority, memberIds, hoursMode: z.literal('set'), operatingHours: operatingHoursSchema }),
  ])
  .transform(
    (values): Omit<QueueCreateInput, 'type'> => ({
      name: values.name,
      priority: values.priority,
      memberIds: values.memberIds,
      operatingHours: values.hoursMode === 'set' ? { ...values.operatingHours, periods: sortPeriods(values.operatingHours.periods) } : null,
    }),
  );

export interface PeriodValues {
  day: Weekday;
  open: string;
  close: string;
}

export interface QueueFormValues {
  name: string;
  priority: number;
  /** Users, by id, in the order they were added. */
  memberIds: string[];
  hoursMode: 'always' | 'set';
  operatingHours: { timeZone: string; periods: PeriodValues[] };
}

export type QueueFormOutput = z.output<typeof queueFormSchema>;

/** The fields of the form by their API paths; a server error on any other path is shown as a whole. */
export function isFormField(path: string): boolean {
  return /^(name|priority|memberIds(\.\d+)?|operatingHours\.(timeZone|periods(\.\d+\.(day|open|close))?))$/.test(path);
}

export const emptyPeriod = (): PeriodValues => ({ day: 'mon', open: '09:00', close: '17:00' });
export const weekdaysNineToFive = (): PeriodValues[] => weekdayPeriods('09:00', '17:00');

/** A new queue: middle priority, office hours on weekdays in the browser's time zone. */
export function newQueueValues(timeZone: string): QueueFormValues {
  return {
    name: '',
    priority: 5,
    memberIds: [],
    hoursMode: 'set',
    operatingHours: { timeZone, periods: weekdaysNineToFive() },
  };
}

export function queueValues(queue: Queue, fallbackTimeZone: string): QueueFormValues {
  return {
    name: queue.name,
    priority: queue.priority,
    memberIds: queue.members.map((m) => m.userId),
    hoursMode: queue.operatingHours ? 'set' : 'always',
    operatingHours: queue.operatingHours
      ? { timeZone: queue.operatingHours.timeZone, periods: sortPeriods(queue.operatingHours.periods).map((p) => ({ ...p })) }
      : { timeZone: fallbackTimeZone, periods: weekdaysNineToFive() },
  };
}
