/**
 * What a redemption costs the database, counted at the driver (issue #17): after the signature
 * check a login is ONE statement — the rate-limit hit (PostgreSQL; in memory on PGlite), the
 * link's state, the access check, the use, the session, the record and the event. The service is
 * called as the member site calls it, and only the statements it issues are counted
 * (AsyncLocalStorage), not the queue's polling beside it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { redeemLearnerLink } from '../../server/member/redeem-learner-link.ts';
import { createRateLimiter, type RateLimiter } from '../../server/http/rate-limiter.ts';
import type { Redemption } from '../../server/auth/redeem-link.ts';

/** The driver calls that each send the database one statement (PGlite's entry points; the pg Pool's query). */
const ENTRY_POINTS = { pglite: ['query', 'exec', 'execProtocol', 'transaction'], postgres: ['query'] } as const;

describe.each(TEST_DRIVERS)('statements per redemption on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let limiter: RateLimiter;
  const calls = new AsyncLocalStorage<{ statements: number }>();

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'counted');
    limiter = createRateLimiter(t.ctx, 'counted-redeem-ip', { limit: 1000, windowMs: 60_000 });
    const client = (t.ctx.db as unknown as { $client: Record<string, (...args: unknown[]) => unknown> }).$client;
    for (const name of ENTRY_POINTS[driver]) {
      const original = client[name].bind(client);
      client[name] = (...args: unknown[]) => {
        const counted = calls.getStore();
        if (counted) counted.statements++;
        return original(...args);
      };
    }
    // The first redemption loads the per-process caches (signing key) and prepares the statement.
    await redeemCounted((await mintTestLink(t, s.site, s.learner.id, 'courses')).token);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function redeemCounted(token: string): Promise<{ result: Redemption; statements: number }> {
    const counted = { statements: 0 };
    const result = await calls.run(counted, () => redeemLearnerLink(t.ctx, s.site, token, { confirmed: false, ip: '203.0.113.5', limit: { limiter, key: '203.0.113.5' } }));
    return { result, statements: counted.statements };
  }

  it('logs in with one statement', async () => {
    const { result, statements } = await redeemCounted((await mintTestLink(t, s.site, s.learner.id, 'courses')).token);
    expect(result.outcome).toBe('ok');
    expect(statements).toBe(1);
  });

  it('refuses a contact without an offer with one statement, which records the refusal', async () => {
    const { result, statements } = await redeemCounted((await mintTestLink(t, s.site, s.outsider.id, 'courses')).token);
    expect(result.outcome).toBe('no_access');
    expect(statements).toBe(1);
  });

  it('refuses a token that is no link with its record alone, plus the rate-limit hit on PostgreSQL', async () => {
    const { result, statements } = await redeemCounted('not-a-token');
    expect(result).toMatchObject({ outcome: 'invalid', reason: 'malformed' });
    expect(statements).toBe(driver === 'postgres' ? 2 : 1);
  });
});
