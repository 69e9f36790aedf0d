/**
 * Paces deliveries to at most `ratePerSecond` per site: each delivery takes the next free slot of
 * its site and waits for it. 0 = no limit. On PostgreSQL the next free slot is a row shared by every
 * process (the rate holds for the cluster: one atomic upsert per delivery); on the embedded
 * database (one process) it is kept in memory.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { rateLimitWindows } from '../db/schema.ts';

export interface Pacer {
  wait(siteId: string): Promise<void>;
}

export function createSitePacer(ctx: AppContext, ratePerSecond: number): Pacer {
  if (ratePerSecond > 0 && ctx.database.driver === 'postgres') return new SqlSitePacer(ctx.db, ratePerSecond);
  return new SitePacer(ratePerSecond);
}

const sleepUntil = async (slot: number, now: number) => {
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
};

export class SitePacer implements Pacer {
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
    await sleepUntil(slot, now);
  }
}

/** The row's `window_start` is the site's next free slot (epoch ms); `hits` counts deliveries paced. */
export class SqlSitePacer implements Pacer {
  readonly #interval: number;

  constructor(private readonly db: Db, ratePerSecond: number, private readonly clock: () => number = Date.now) {
    this.#interval = Math.round(1000 / ratePerSecond);
  }

  async wait(siteId: string): Promise<void> {
    const now = this.clock();
    const [next] = await this.db
      .insert(rateLimitWindows)
      .values({ key: `site-pace:${siteId}`, windowStart: now + this.#interval, hits: 1 })
      .onConflictDoUpdate({
        target: rateLimitWindows.key,
        set: {
          windowStart: sql`greatest(${rateLimitWindows.windowStart}, ${now}) + ${this.#interval}`,
          hits: sql`${rateLimitWindows.hits} + 1`,
        },
      })
      .returning({ nextSlot: rateLimitWindows.windowStart });
    await sleepUntil(next.nextSlot - this.#interval, now);
  }
}
