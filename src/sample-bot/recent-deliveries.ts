import type { BotAnswer } from '@/domain/bot/bot-protocol';

/** How many answers the bot remembers: retries come within seconds, so the latest suffice. */
export const REMEMBERED_DELIVERIES = 1000;

/**
 * The answers to the latest deliveries, by delivery id. The admin center repeats a delivery only
 * when it could not act on the first answer, so a repeat must get that same answer again.
 */
export class RecentDeliveries {
  private readonly answers = new Map<string, BotAnswer>();

  constructor(private readonly capacity = REMEMBERED_DELIVERIES) {}

  /** The answer given to this delivery before, if it is among the remembered ones. */
  answerGiven(deliveryId: string): BotAnswer | undefined {
    return this.answers.get(deliveryId);
  }

  /** Remembers the answer to a delivery (the first one stays), forgetting the oldest beyond capacity. */
  remember(deliveryId: string, answer: BotAnswer): void {
    if (this.answers.has(deliveryId)) return;
    this.answers.set(deliveryId, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
  }
}
