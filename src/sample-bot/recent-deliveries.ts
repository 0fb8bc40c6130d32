/** How many delivery ids the bot remembers: retries come within seconds, so the latest suffice. */
export const REMEMBERED_DELIVERIES = 1000;

/** The latest delivery ids, to drop a retried delivery the bot has already answered. */
export class RecentDeliveries {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = REMEMBERED_DELIVERIES) {}

  /** False when the id was seen already; else remembers it, forgetting the oldest beyond capacity. */
  remember(deliveryId: string): boolean {
    if (this.ids.has(deliveryId)) return false;
    this.ids.add(deliveryId);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
