/**
 * Fixed-window counters per key. On PostgreSQL the windows live in one table shared by every
 * process (the limit holds for the cluster); on the embedded database (one process) in memory.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
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
  /**
   * The same hit as a statement for a hot path to run as a CTE of its own statement (one round
   * trip fewer); absent where hits are counted in memory, which costs no round trip anyway.
   */
  hitInStatement?(key: string): StatementHit;
}

/** A hit counted inside another statement: `statement` returns one row ("windowStart", "hits"). */
export interface StatementHit {
  statement: SQL;
  limit: number;
  /** What `hit` would have answered, from the row the statement returned. */
  wait(row: { windowStart: number; hits: number }): number;
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
    const { statement, wait } = this.hitInStatement(key);
    const [window] = await queryRows<{ windowStart: number; hits: number }>(this.db, statement, { prepared: true });
    return wait(window);
  }

  hitInStatement(key: string): StatementHit {
    const now = this.now();
    const w = rateLimitWindows;
    const expired = sql`${w.windowStart} + ${this.rule.windowMs}::bigint <= ${now}::bigint`;
    return {
      statement: sql`insert into ${w} (${sql.identifier(w.key.name)}, ${sql.identifier(w.windowStart.name)}, ${sql.identifier(w.hits.name)})
        values (${`${this.name}:${key}`}, ${now}::bigint, 1)
        on conflict (${sql.identifier(w.key.name)}) do update set
          ${sql.identifier(w.windowStart.name)} = case when ${expired} then ${now}::bigint else ${w.windowStart} end,
          ${sql.identifier(w.hits.name)} = case when ${expired} then 1 else ${w.hits} + 1 end
        returning ${w.windowStart}::float8 as "windowStart", ${w.hits} as "hits"`,
      limit: this.rule.limit,
      wait: (row) => waitSeconds(this.rule, row.windowStart, row.hits, now),
    };
  }
}
