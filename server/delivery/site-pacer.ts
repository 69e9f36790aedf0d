/**
 * Paces deliveries to at most `ratePerSecond` per site in this process: each delivery takes the
 * next free slot of its site and waits for it. 0 = no limit.
 */
export class SitePacer {
  readonly #interval: number;
  readonly #nextSlot = new Map<string, number>();

  constructor(ratePerSecond: number, private readonly clock: () => number = Date.now) {
    this.#interval = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
  }

  async wait(siteId: string): Promise<void> {
    if (this.#interval === 0) return;
    const now = this.clock();
    const slot = Math.max(now, this.#nextSlot.get(siteId) ?? now);
    this.#nextSlot.set(siteId, slot + this.#interval);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
