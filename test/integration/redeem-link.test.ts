/**
 * The redemption service itself (server/auth/redeem-link.ts), called as the member site and the
 * staff login call it: which outcome each kind of link gets, in the order that decides it, and
 * what every attempt leaves in link_redemptions (outcome, link, subject, hashed IP, the app's
 * clock). The pages people see for these outcomes are magic-links.test.ts and redemption.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { recordLinkAttempt, redeemLink, type RedemptionAudience } from '../../server/auth/redeem-link.ts';
import { learnerAudience } from '../../server/member/redeem-learner-link.ts';
import { staffAudience } from '../../server/auth/staff-login.ts';
import { PREVIEW_TOKEN } from '../../server/links/link-token.ts';
import { waitFor } from '../support/polling.ts';
import { revokeLink } from '../../server/links/link-state.ts';
import { redemptionIpHash } from '../../server/links/link-redemptions.ts';
import { linkRedemptions, magicLinks, sessions } from '../../server/db/schema.ts';

const DAY = 24 * 60 * 60 * 1000;
const IP = '203.0.113.7';
const GET = { confirmed: false, ip: IP };
const POST = { confirmed: true, ip: IP };

describe.each(TEST_DRIVERS)('redeemLink on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;

  const redeem = (token: string, options = POST, audience = learnerAudience) => redeemLink(t.ctx, s.site, token, audience, options);
  const setMaxUses = (jti: string, maxUses: number | null) => t.ctx.db.update(magicLinks).set({ maxUses }).where(eq(magicLinks.jti, jti));
  const usesOf = async (jti: string) => (await t.ctx.db.select({ uses: magicLinks.uses }).from(magicLinks).where(eq(magicLinks.jti, jti)))[0].uses;
  const recordedRows = () => t.ctx.db.select().from(linkRedemptions).where(eq(linkRedemptions.siteId, s.site.id));
  /** The ids of the site's recorded attempts so far, for recordedSince. */
  const mark = async () => new Set((await recordedRows()).map((row) => row.id));
  /** The attempts recorded since `before` (in a stable order: they share the app's clock), each at the app's clock. */
  const recordedSince = async (before: Set<string>) => {
    const rows = (await recordedRows()).filter((row) => !before.has(row.id));
    for (const row of rows) expect(row.createdAt.getTime()).toBe(t.clock.now.getTime());
    return rows.map(({ jti, subjectId, outcome, ipHash }) => ({ jti, subjectId, outcome, ipHash })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };
  const sessionsOf = async (subjectId: string) => (await t.ctx.db.select().from(sessions).where(eq(sessions.subjectId, subjectId))).length;
  const ipHash = () => redemptionIpHash(s.site.id, IP);
  /** One recorded attempt, as recordedSince lists it (always from IP). */
  const attempt = (jti: string | null, subjectId: string | null, outcome: string) => ({ jti, subjectId, outcome, ipHash: ipHash() });

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'redeemer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the preview token with a preview, records nothing and opens no session', async () => {
    const before = await mark();
    expect(await redeem(PREVIEW_TOKEN)).toEqual({ outcome: 'preview' });
    expect(await recordedSince(before)).toEqual([]);
  });

  it('logs in with an unlimited link on a GET as on a POST (no confirmation), and records the use', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const before = await mark();
    const got = await redeem(link.token, GET);
    if (got.outcome !== 'ok') throw new Error(`expected a login, got ${got.outcome}`);
    expect(got.claims).toMatchObject({ jti: link.jti, sub: s.learner.id, dest: 'courses', aud: 'learner' });
    expect(got.session.token).toEqual(expect.any(String));
    expect((await redeem(link.token, POST)).outcome).toBe('ok');
    expect(await usesOf(link.jti)).toBe(2);
    expect(await recordedSince(before)).toEqual([
      attempt(link.jti, s.learner.id, 'ok'),
      attempt(link.jti, s.learner.id, 'ok'),
    ]);
  });

  it('asks to confirm a limited link on a GET without taking a use or recording a refusal', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    await setMaxUses(link.jti, 2);
    const before = await mark();
    expect(await redeem(link.token, GET)).toEqual({ outcome: 'confirm', claims: expect.objectContaining({ jti: link.jti }) });
    expect(await usesOf(link.jti)).toBe(0);
    expect(await recordedSince(before)).toEqual([]);
    expect((await redeem(link.token, POST)).outcome).toBe('ok');
    expect(await usesOf(link.jti)).toBe(1);
  });

  it('refuses a link whose uses reached its limit, on a GET too (no confirm page for a used-up link)', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    await setMaxUses(link.jti, 1);
    expect((await redeem(link.token, POST)).outcome).toBe('ok');
    const before = await mark();
    for (const options of [GET, POST]) {
      expect(await redeem(link.token, options)).toEqual({ outcome: 'invalid', reason: 'used_up', claims: expect.objectContaining({ jti: link.jti }) });
    }
    expect(await usesOf(link.jti)).toBe(1);
    expect(await recordedSince(before)).toEqual([
      attempt(link.jti, s.learner.id, 'invalid:used_up'),
      attempt(link.jti, s.learner.id, 'invalid:used_up'),
    ]);
  });

  it('lets concurrent POSTs of a single-use link take one use; every other one is used up', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    await setMaxUses(link.jti, 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem(link.token, POST)));
    expect(results.filter((r) => r.outcome === 'ok')).toHaveLength(1);
    for (const refused of results.filter((r) => r.outcome !== 'ok')) {
      expect(refused).toEqual({ outcome: 'invalid', reason: 'used_up', claims: expect.objectContaining({ jti: link.jti }) });
    }
    expect(await usesOf(link.jti)).toBe(1);
  });

  it("applies the audience's own use limit: a User Link recorded without one is used up after one use, on a GET too", async () => {
    const link = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    await setMaxUses(link.jti, null);
    expect((await redeem(link.token, POST, staffAudience)).outcome).toBe('ok');
    const before = await mark();
    for (const options of [GET, POST]) {
      expect(await redeem(link.token, options, staffAudience)).toEqual({ outcome: 'invalid', reason: 'used_up', claims: expect.objectContaining({ jti: link.jti }) });
    }
    expect(await recordedSince(before)).toEqual([
      attempt(link.jti, s.staff.id, 'invalid:used_up'),
      attempt(link.jti, s.staff.id, 'invalid:used_up'),
    ]);
  });

  it("refuses a signed link without a record (deleted, or never recorded) as invalid:unknown, recorded, with nothing else written", async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    await t.ctx.db.delete(magicLinks).where(eq(magicLinks.jti, link.jti));
    const before = await mark();
    const sessionsBefore = await sessionsOf(s.learner.id);
    expect(await redeem(link.token, POST)).toEqual({ outcome: 'invalid', reason: 'unknown', claims: expect.objectContaining({ jti: link.jti }) });
    expect(await recordedSince(before)).toEqual([attempt(link.jti, s.learner.id, 'invalid:unknown')]);
    expect(await sessionsOf(s.learner.id)).toBe(sessionsBefore);
  });

  it('refuses a revoked link as invalid:revoked, before its use limit or access are looked at', async () => {
    const link = await mintTestLink(t, s.site, s.outsider.id, 'courses');
    await setMaxUses(link.jti, 1);
    await revokeLink(t.ctx.db, s.site.id, link.jti, t.clock.now);
    const before = await mark();
    expect(await redeem(link.token, GET)).toEqual({ outcome: 'invalid', reason: 'revoked', claims: expect.objectContaining({ jti: link.jti }) });
    expect(await recordedSince(before)).toEqual([attempt(link.jti, s.outsider.id, 'invalid:revoked')]);
  });

  it('refuses a contact without an active offer as no_access', async () => {
    const link = await mintTestLink(t, s.site, s.outsider.id, 'courses');
    const before = await mark();
    expect(await redeem(link.token, POST)).toEqual({ outcome: 'no_access', claims: expect.objectContaining({ sub: s.outsider.id }) });
    expect(await usesOf(link.jti)).toBe(0);
    expect(await recordedSince(before)).toEqual([attempt(link.jti, s.outsider.id, 'no_access')]);
    // A contact who holds an offer is admitted by the same audience.
    const holder = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect((await redeem(holder.token, POST)).outcome).toBe('ok');
  });

  it('explains an expired link with its claims, and records "expired"', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    t.clock.advance(8 * DAY);
    try {
      const before = await mark();
      expect(await redeem(link.token, POST)).toEqual({ outcome: 'expired', claims: expect.objectContaining({ jti: link.jti, sub: s.learner.id }) });
      expect(await usesOf(link.jti)).toBe(0);
      expect(await recordedSince(before)).toEqual([attempt(link.jti, s.learner.id, 'expired')]);
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it('refuses a token that is no link as invalid:malformed, recorded without a link or subject', async () => {
    const before = await mark();
    expect(await redeem('not-a-token', POST)).toEqual({ outcome: 'invalid', reason: 'malformed', claims: undefined });
    expect(await recordedSince(before)).toEqual([attempt(null, null, 'invalid:malformed')]);
  });

  it("refuses another audience's link with its claims (wrong_audience), recorded with the link", async () => {
    const user = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    const before = await mark();
    expect(await redeem(user.token, POST, learnerAudience)).toEqual({
      outcome: 'invalid',
      reason: 'wrong_audience',
      claims: expect.objectContaining({ jti: user.jti }),
    });
    expect(await recordedSince(before)).toEqual([attempt(user.jti, s.staff.id, 'invalid:wrong_audience')]);
    expect((await redeem(user.token, POST, staffAudience)).outcome).toBe('ok');
  });

  it('records something done with a link that is not a redemption, with the link when known', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const redeemed = await redeem(link.token, GET);
    if (redeemed.outcome !== 'ok') throw new Error(`expected a login, got ${redeemed.outcome}`);
    const before = await mark();
    await recordLinkAttempt(t.ctx, s.site, 'resent', redeemed.claims, IP);
    await recordLinkAttempt(t.ctx, s.site, 'resent', undefined, IP);
    expect(await recordedSince(before)).toEqual([
      attempt(link.jti, s.learner.id, 'resent'),
      attempt(null, null, 'resent'),
    ]);
  });
});

/**
 * The race inside the one statement, on PostgreSQL where another connection can hold the link's
 * row: the statement decides 'ok' from its snapshot, waits for the row lock, then re-checks the
 * use count under it and records 'invalid:used_up' instead of opening a session.
 */
describe('redeemLink racing another connection on PostgreSQL', () => {
  let t: TestApp;
  let s: MemberSiteFixture;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    s = await createMemberSite(t, 'racer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses as used up when another connection takes the last use while the statement waits for the row', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    await t.ctx.db.update(magicLinks).set({ maxUses: 1 }).where(eq(magicLinks.jti, link.jti));
    const other = new pg.Client({ connectionString: t.ctx.database.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('update magic_links set uses = uses + 1 where jti = $1', [link.jti]);
      const redeeming = redeemLink(t.ctx, s.site, link.token, learnerAudience, POST);
      // Commit only once the redemption's statement waits for the row lock the other holds (the only lock wait in this database).
      await waitFor(async () => {
        const { rows } = await other.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
        return rows[0].n > 0;
      });
      await other.query('commit');
      expect(await redeeming).toEqual({ outcome: 'invalid', reason: 'used_up', claims: expect.objectContaining({ jti: link.jti }) });
    } finally {
      await other.end();
    }
    const [row] = await t.ctx.db.select({ uses: magicLinks.uses }).from(magicLinks).where(eq(magicLinks.jti, link.jti));
    expect(row.uses).toBe(1);
    const recorded = await t.ctx.db.select({ outcome: linkRedemptions.outcome }).from(linkRedemptions).where(eq(linkRedemptions.jti, link.jti));
    expect(recorded).toEqual([{ outcome: 'invalid:used_up' }]);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.subjectId, s.learner.id))).toEqual([]);
  });
});
