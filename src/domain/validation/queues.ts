/** Validation codes of queues, with their English wording. */
export const queueValidationMessages = {
  'queueName.taken': 'Another queue already has this name. Choose a different one.',
  'priority.range': 'Priority is a whole number from 1 (handled first) to 10.',
  'email.invalid': 'Enter an email address such as name@example.com.',
  'member.duplicate': 'This user is already a member of the queue.',
  'member.unknownUser': 'This user does not exist any more. Remove them from the list.',
  'member.notPending': 'This address is not among the queue’s members waiting for an invitation.',
  'members.tooMany': 'A queue can have at most 500 members.',
  'timeZone.invalid': 'Choose a time zone from the list, such as Europe/Helsinki.',
  'time.invalid': 'Write the time as HH:MM on a 24-hour clock, for example 08:00 or 17:30.',
  'hours.endBeforeStart': 'The closing time must be later than the opening time.',
  'hours.overlap': 'This period overlaps another one on the same day.',
  'hours.required': 'Add at least one opening period, or choose “Always open”.',
  'queue.inUse': 'This queue is still in use. Choose another queue where it is used, then delete it.',
} as const;
