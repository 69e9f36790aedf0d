/**
 * Redemption reads sites and signing keys from per-process caches (server/sites/site-cache.ts,
 * server/links/key-ring.ts). A change made in this process takes effect on the very next
 * request; one made by another process within CACHE_STALENESS_MS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import { CACHE_STALENESS_MS } from '../../server/cache/cache-staleness.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';

const redeem = (t: TestApp, host: string, path: string) => t.app.inject({ method: 'GET', url: path, headers: { host } });

/** Rotates the site's key, then retires the one that signed `link`: its links must stop working. */
async function retireKeyOf(t: TestApp, siteId: string) {
  const [{ kid }] = (await apiOk(t, 'GET', `/api/sites/${siteId}/keys`)).keys.filter((k: { status: string }) => k.status === 'active');
  expect((await t.api('POST', `/api/sites/${siteId}/keys/rotate`)).statusCode).toBe(201);
  const retired = await t.api('POST', `/api/sites/${siteId}/keys/${kid}/retire`);
  expect(retired.statusCode, retired.body).toBe(200);
}

describe.each(TEST_DRIVERS)('redemption caches in one process on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, `cache-${driver}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a retired key refuses its links on the next redemption, after they worked', async () => {
    const before = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const signedWithOld = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect((await redeem(t, s.host, before.path)).statusCode).toBe(303);
    await retireKeyOf(t, s.site.id);
    const refused = await redeem(t, s.host, signedWithOld.path);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("can't be used");
    // A link signed with the new key logs in.
    expect((await redeem(t, s.host, (await mintTestLink(t, s.site, s.learner.id, 'courses')).path)).statusCode).toBe(303);
  });

  it('a changed subdomain moves the site on the next request', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect((await redeem(t, s.host, '/')).statusCode).toBe(200); // cached now
    const moved = await t.api('PATCH', `/api/sites/${s.site.id}`, { subdomain: `moved-${driver}` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await redeem(t, s.host, link.path)).statusCode).toBe(404);
    expect((await redeem(t, `moved-${driver}.localhost:3000`, link.path)).statusCode).toBe(303);
    const renamed = await t.api('PATCH', `/api/sites/${s.site.id}`, { title: 'Renamed school' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await redeem(t, `moved-${driver}.localhost:3000`, '/')).body).toContain('Renamed school');
  });
});

// Two app processes on one database need PostgreSQL (an embedded database belongs to one process).
describe('redemption caches across two processes on postgres', () => {
  let a: TestApp;
  let b: TestApp;
  let second: Database;
  let s: MemberSiteFixture;
  beforeAll(async () => {
    a = await startTestApp('postgres');
    second = await openDatabase({ driver: 'postgres', url: a.ctx.database.url! });
    b = await startTestApp('postgres', {}, { database: second });
    s = await createMemberSite(a, 'cache-two');
  });
  afterAll(async () => {
    await b?.close();
    await second?.close();
    await a?.close();
  });

  it(`another process's key retirement and subdomain change take effect here within ${CACHE_STALENESS_MS} ms`, async () => {
    const signedWithOld = await mintTestLink(a, s.site, s.learner.id, 'courses');
    const warm = await mintTestLink(a, s.site, s.learner.id, 'courses');
    expect((await redeem(a, s.host, warm.path)).statusCode).toBe(303); // site and key cached in a
    await retireKeyOf(b, s.site.id);
    const moved = await b.api('PATCH', `/api/sites/${s.site.id}`, { subdomain: 'cache-two-moved' });
    expect(moved.statusCode, moved.body).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, CACHE_STALENESS_MS + 200));
    expect((await redeem(a, s.host, '/')).statusCode).toBe(404);
    const refused = await redeem(a, 'cache-two-moved.localhost:3000', signedWithOld.path);
    expect(refused.statusCode).toBe(400);
    expect((await redeem(a, 'cache-two-moved.localhost:3000', (await mintTestLink(a, s.site, s.learner.id, 'courses')).path)).statusCode).toBe(303);
  }, 30_000);
});
