/**
 * Rate limits on both drivers: a fixed window counts hits per key, refuses past the limit with the
 * seconds left, and starts again once the window is over. On PostgreSQL the window lives in the
 * database, so limiters of two processes (two connection pools) count together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { eq } from 'drizzle-orm';
import { rateLimitWindows } from '../../server/db/schema.ts';
import { SqlSitePacer } from '../../server/delivery/site-pacer.ts';
import { createRateLimiter } from '../../server/http/rate-limiter.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';

const RULE = { limit: 3, windowMs: 60_000 };

describe.each(TEST_DRIVERS)('rate limits on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('allows the limit per window and key, then answers the seconds left; a new window starts again', async () => {
    const limiter = createRateLimiter(t.ctx, 'test-window', RULE);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.hit('198.51.100.7'));
    expect(hits).toEqual([0, 0, 0, 60]);
    expect(await limiter.hit('198.51.100.8')).toBe(0);
    t.clock.advance(45_000);
    expect(await limiter.hit('198.51.100.7')).toBe(15);
    t.clock.advance(15_000);
    expect(await limiter.hit('198.51.100.7')).toBe(0);
  });
});

describe.each(TEST_DRIVERS.filter((driver) => driver === 'postgres'))('rate limits across processes on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts hits of two processes together (the limit holds for the cluster)', async () => {
    let other: Database | undefined;
    try {
      other = await openDatabase({ driver: 'postgres', url: t.ctx.database.url! });
      const here = createRateLimiter(t.ctx, 'test-cluster', RULE);
      const there = createRateLimiter({ ...t.ctx, database: other, db: other.db }, 'test-cluster', RULE);
      const waits = await Promise.all([here, there, here, there, here, there].map((limiter) => limiter.hit('203.0.113.9')));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(3);
      expect(waits.filter((wait) => wait > 0)).toHaveLength(3);
    } finally {
      await other?.close();
    }
  });

  it('keeps its windows in an unlogged table: a hit does not wait for a WAL flush', async () => {
    const { rows } = await t.ctx.database.sql.query("select relpersistence from pg_class where relname = 'rate_limit_windows'", []);
    expect(rows).toEqual([{ relpersistence: 'u' }]);
  });

  it('paces one site across two processes: each delivery takes the next shared slot', async () => {
    let other: Database | undefined;
    try {
      other = await openDatabase({ driver: 'postgres', url: t.ctx.database.url! });
      const here = new SqlSitePacer(t.ctx.db, 50);
      const there = new SqlSitePacer(other.db, 50);
      const start = Date.now();
      await Promise.all([here, there, here, there, here, there, here, there].map((pacer) => pacer.wait('site-paced')));
      const [row] = await t.ctx.db.select().from(rateLimitWindows).where(eq(rateLimitWindows.key, 'site-pace:site-paced'));
      // 8 deliveries at 50 a second took 8 slots of 20 ms in one shared sequence.
      expect(row.hits).toBe(8);
      expect(row.windowStart).toBeGreaterThanOrEqual(start + 8 * 20);
    } finally {
      await other?.close();
    }
  });
});
