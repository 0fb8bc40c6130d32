import fc from 'fast-check';

/**
 * The callbacks Twilio sends for one WhatsApp message over its life, and where the message must
 * end whatever order they arrive in. ("accepted" comes first for Messaging Service sends; the
 * server acknowledges it and tracks nothing of it.)
 */
export interface StatusLife {
  name: string;
  callbacks: { status: string; errorCode?: string }[];
  final: { status: string; errorCode: string | null };
}

export const STATUS_LIVES: StatusLife[] = [
  {
    name: 'read',
    callbacks: [{ status: 'queued' }, { status: 'sending' }, { status: 'sent' }, { status: 'delivered' }, { status: 'read' }],
    final: { status: 'read', errorCode: null },
  },
  {
    name: 'delivered, not read',
    callbacks: [{ status: 'accepted' }, { status: 'queued' }, { status: 'sent' }, { status: 'delivered' }],
    final: { status: 'delivered', errorCode: null },
  },
  {
    name: 'undelivered',
    callbacks: [{ status: 'queued' }, { status: 'sending' }, { status: 'sent' }, { status: 'undelivered', errorCode: '30008' }],
    final: { status: 'undelivered', errorCode: '30008' },
  },
  {
    name: 'failed',
    callbacks: [{ status: 'queued' }, { status: 'sending' }, { status: 'failed', errorCode: '63016' }],
    final: { status: 'failed', errorCode: '63016' },
  },
  {
    name: 'read, with repeated callbacks',
    callbacks: [{ status: 'sent' }, { status: 'sent' }, { status: 'delivered' }, { status: 'read' }, { status: 'read' }],
    final: { status: 'read', errorCode: null },
  },
];

/** Every distinct order of `items` (equal items swapped give the same order once). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const all = items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
  const seen = new Set<string>();
  return all.filter((order) => {
    const key = JSON.stringify(order);
    return !seen.has(key) && seen.add(key);
  });
}

/**
 * One delivery of a life's callbacks: in this order, with the outbox recording Twilio's answer
 * (the MessageSid) after the first `recordedAfter` of them, which therefore come "early".
 */
export interface Delivery {
  life: StatusLife;
  order: StatusLife['callbacks'];
  recordedAfter: number;
}

export const deliveryArbitrary: fc.Arbitrary<Delivery> = fc
  .constantFrom(...STATUS_LIVES)
  .chain((life) =>
    fc.record({
      life: fc.constant(life),
      order: fc.shuffledSubarray(life.callbacks, { minLength: life.callbacks.length, maxLength: life.callbacks.length }),
      recordedAfter: fc.nat({ max: life.callbacks.length }),
    }),
  );

/**
 * Every order of every life, each `times` times, with the answer recorded at a point that moves
 * along with the order's index: every point is tried with many orders.
 */
export function allDeliveries(times: number): Delivery[] {
  return STATUS_LIVES.flatMap((life) =>
    permutations(life.callbacks).flatMap((order, i) =>
      Array.from({ length: times }, (_, round) => ({ life, order, recordedAfter: (i * times + round) % (order.length + 1) })),
    ),
  );
}
