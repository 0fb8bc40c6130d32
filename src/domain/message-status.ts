/**
 * Delivery statuses of an outbound message. "pending" is ours: written to the outbox,
 * not yet accepted by Twilio. Twilio's callbacks can arrive out of order, so a status
 * only ever moves forward along this order; failed and undelivered are final.
 */
export const outboundStatuses = ['pending', 'queued', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed'] as const;
export type OutboundStatus = (typeof outboundStatuses)[number];

const rank: Record<OutboundStatus, number> = {
  pending: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  // A failure reported after "delivered" is stale: WhatsApp never takes a delivery back.
  undelivered: 4,
  failed: 4,
};

export function isOutboundStatus(value: string): value is OutboundStatus {
  return (outboundStatuses as readonly string[]).includes(value);
}

export function isFailure(status: OutboundStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}

/** The status to keep when `incoming` is reported while the message is at `current`. */
export function nextStatus(current: OutboundStatus, incoming: OutboundStatus): OutboundStatus {
  if (isFailure(current)) return current;
  if (isFailure(incoming)) return rank[current] >= rank.delivered ? current : incoming;
  return rank[incoming] > rank[current] ? incoming : current;
}
