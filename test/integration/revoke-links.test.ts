/**
 * "Revoke all links" means revoked: the member's open session ends with their links, and the
 * contact's link table says Revoked for every link issued before the cut-off at once — while a
 * link sent afterwards shows Active and logs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { cookiePair } from '../support/cookies.ts';
import { createMemberSite, mintTestLink, type MemberSiteFixture } from '../support/member-fixtures.ts';

describe.each(TEST_DRIVERS)('revoking a contact’s links on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: { host: s.host, ...(cookie && { cookie }) } });
  const linkStates = async () => {
    const res = await t.api('GET', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links`);
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().links as Array<{ jti: string; state: string }>).map((link) => [link.jti, link.state]));
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, `revoke-${driver}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ends the member’s session and shows every earlier link as revoked at once', async () => {
    const used = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const unused = await mintTestLink(t, s.site, s.learner.id, '');
    const login = await get(used.path);
    expect(login.statusCode).toBe(303);
    const cookie = cookiePair(login, 'ml_member')!;
    expect((await get('/courses', cookie)).body).toContain(s.course.title);
    expect(Object.values(await linkStates())).toEqual(['active', 'active']);

    t.clock.advance(1000);
    const revoke = await t.api('POST', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links/revoke`);
    expect(revoke.statusCode, revoke.body).toBe(200);

    // Logged out: the same cookie now meets the login form, not the course.
    const after = await get('/courses', cookie);
    expect(after.body).not.toContain(s.course.title);
    expect(after.body).toContain('Email me a login link');
    const states = await linkStates();
    expect(Object.values(states)).toEqual(['revoked', 'revoked']);
    expect((await get(unused.path)).statusCode).toBe(403);

    t.clock.advance(1000);
    const fresh = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect((await linkStates())[fresh.jti]).toBe('active');
    expect((await get(fresh.path)).statusCode).toBe(303);
  });
});
