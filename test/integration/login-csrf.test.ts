/**
 * Login CSRF (server/http/form-origin.ts) through the real routes, on both drivers: a sign-in form
 * posted from another website is refused before it acts (nothing sent, nothing burnt, no session),
 * and the same form posted as a browser posts it from the page itself still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';
import { askForStaffSignIn } from '../support/staff-sign-in.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** What Chromium sends for a form on one of our no-referrer pages. */
const FROM_ITSELF = { origin: 'null', 'sec-fetch-site': 'same-origin' };
const FROM_SIBLING = { origin: 'http://other.localhost:3000', 'sec-fetch-site': 'same-site' };
const FROM_ELSEWHERE = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

describe.each(TEST_DRIVERS)('login CSRF on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  const memberPost = (url: string, form: Record<string, string>, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { host: s.host, ...FORM, ...headers }, payload: new URLSearchParams(form).toString() });
  const staffConfirm = (token: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/login/confirm', headers: { host: 'localhost:3000', ...FORM, ...headers }, payload: new URLSearchParams({ token }).toString() });
  const outboxSize = async () => (await listOutbox(t.ctx.db, s.site.id)).length;

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'csrfschool');
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a member site's 'email me a link' posted from a sibling site or elsewhere, and sends nothing", async () => {
    const before = await outboxSize();
    for (const headers of [FROM_SIBLING, FROM_ELSEWHERE]) {
      const res = await memberPost('/login', { email: s.learner.email }, headers);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain("we didn't act on it");
    }
    await settleAfterReplyWork(t.ctx);
    expect(await outboxSize()).toBe(before);
    const own = await memberPost('/login', { email: s.learner.email }, FROM_ITSELF);
    expect(own.statusCode).toBe(200);
    await settleAfterReplyWork(t.ctx);
    expect(await outboxSize()).toBe(before + 1);
  });

  it('refuses a staff sign-in confirm posted from elsewhere without burning the link; from the page itself it signs in', async () => {
    const { token } = await askForStaffSignIn(t, s.site.id, s.staff.email);
    const foreign = await staffConfirm(token, FROM_ELSEWHERE);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    const own = await staffConfirm(token, FROM_ITSELF);
    expect(own.statusCode).toBe(303);
    expect(String(own.headers['set-cookie'])).toMatch(/^ml_staff=/);
  });

  it('refuses POST /api/auth/login-code from another website with 403 foreign_origin', async () => {
    const { code } = await askForStaffSignIn(t, s.site.id, s.staff.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login-code',
      headers: { host: 'localhost:3000', 'content-type': 'application/json', ...FROM_ELSEWHERE },
      payload: JSON.stringify({ email: s.staff.email, code }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('foreign_origin');
  });
});
