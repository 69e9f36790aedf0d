/**
 * Fixed-window counters per key. On PostgreSQL the windows live in one table shared by every
 * process (the limit holds for the cluster); on the embedded database (one process) in memory.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { rateLimitWindows } from '../db/schema.ts';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts a hit; returns how long to wait (seconds) when over the limit, else 0. */
  hit(key: string): Promise<number>;
}

/** Seconds until the window that started at `start` ends, when `count` is over the limit; else 0. */
function waitSeconds(rule: RateLimit, start: number, count: number, now: number): number {
  if (count <= rule.limit) return 0;
  return Math.max(1, Math.ceil((start + rule.windowMs - now) / 1000));
}

/** `name` keeps limiters apart in the shared table (e.g. `redeem-ip`, `login-email`). */
export function createRateLimiter(ctx: AppContext, name: string, rule: RateLimit): RateLimiter {
  const clock = () => ctx.now().getTime();
  return ctx.database.driver === 'postgres' ? new SqlRateLimiter(ctx.db, name, rule, clock) : new MemoryRateLimiter(rule, clock);
}

/**
 * A limiter for routes declared once for every app (src/contract routes): one per running app,
 * made on first use (tests run several apps in one process, each with its own counts).
 */
export function limiterPerApp(name: string, rule: (ctx: AppContext) => RateLimit): (ctx: AppContext) => RateLimiter {
  const byApp = new WeakMap<AppContext, RateLimiter>();
  return (ctx) => {
    let limiter = byApp.get(ctx);
    if (!limiter) {
      limiter = createRateLimiter(ctx, name, rule(ctx));
      byApp.set(ctx, limiter);
    }
    return limiter;
  };
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number,
  ) {}

  async hit(key: string): Promise<number> {
    const now = this.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    return waitSeconds(this.rule, window.start, window.count, now);
  }

  /** Drops finished windows now and then so memory stays bounded by active keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
  }
}

/** One atomic upsert per hit: a new or finished window restarts at 1, a running one counts up. */
export class SqlRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    private readonly rule: RateLimit,
    private readonly now: () => number,
  ) {}

  async hit(key: string): Promise<number> {
    const now = this.now();
    const expired = sql`${rateLimitWindows.windowStart} + ${this.rule.windowMs} <= ${now}`;
    const [window] = await this.db
      .insert(rateLimitWindows)
      .values({ key: `${this.name}:${key}`, windowStart: now, hits: 1 })
      .onConflictDoUpdate({
        target: rateLimitWindows.key,
        set: {
          windowStart: sql`case when ${expired} then ${now} else ${rateLimitWindows.windowStart} end`,
          hits: sql`case when ${expired} then 1 else ${rateLimitWindows.hits} + 1 end`,
        },
      })
      .returning({ windowStart: rateLimitWindows.windowStart, hits: rateLimitWindows.hits });
    return waitSeconds(this.rule, window.windowStart, window.hits, now);
  }
}
