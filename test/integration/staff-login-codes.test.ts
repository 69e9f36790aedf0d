/**
 * Login codes for staff (issue #12 point 2): the staff sign-in email carries a 6-digit code that
 * signs in on any device exactly as its User Link would, on both drivers — plus, over real HTTP
 * from distinct loopback addresses, that code entry (member and staff) is limited per client IP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { apiOk, uniqueSubdomain } from '../support/fixtures.ts';
import { setCookieOf } from '../support/cookies.ts';
import { askForStaffSignIn } from '../support/staff-sign-in.ts';
import { httpRequest } from '../support/http-client.ts';
import { staffUsers } from '../../server/db/schema.ts';
import { revokeSubjectLinks } from '../../server/links/link-state.ts';

const ADMIN = { host: 'localhost:3000' };
const json = { ...ADMIN, 'content-type': 'application/json' };

describe.each(TEST_DRIVERS)('staff login codes on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let staffCount = 0;

  /** A fresh staff member per test: each has its own hourly budget of sign-in emails. */
  async function newStaff(role: 'owner' | 'admin' | 'agent' = 'admin') {
    const [user] = await t.ctx.db
      .insert(staffUsers)
      .values({ siteId: s.site.id, email: `staff-${++staffCount}@${s.site.subdomain}.example`, role })
      .returning();
    return { id: user.id, email: user.email };
  }
  const enterCode = (email: string, code: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login-code', headers: json, payload: JSON.stringify({ email, code }) });
  const sitesWith = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/sites', headers: { ...ADMIN, cookie } });
  /** The User Link as a person uses it: open (confirm page), then press the button. */
  async function useLink(link: { path: string; token: string }) {
    const opened = await t.app.inject({ method: 'GET', url: link.path, headers: ADMIN });
    expect(opened.body).toContain('action="/login/confirm"');
    return t.app.inject({
      method: 'POST',
      url: '/login/confirm',
      headers: { ...ADMIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: link.token }).toString(),
    });
  }
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, uniqueSubdomain('staffcodes'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs a staff member in with the code from their sign-in email: HttpOnly session cookie, their sites', async () => {
    const staff = await newStaff();
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    const res = await enterCode(staff.email, `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ signedIn: true });
    const cookie = setCookieOf(res, 'ml_staff')!;
    expect(cookie).toMatch(/HttpOnly/i);
    const sites = await sitesWith(cookie.split(';')[0]);
    expect(sites.statusCode).toBe(200);
    expect(sites.json().sites.map((x: { id: string }) => x.id)).toEqual([s.site.id]);
    // Logs in once: the same code again is refused.
    expect((await enterCode(staff.email, code)).statusCode).toBe(400);
  });

  it('is described in the OpenAPI document like the other auth routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/auth/login-code'].post;
    expect(op.tags).toEqual(['Auth']);
    const body = op.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['email', 'code']);
    expect(body.properties.code.description).toContain('6-digit code');
  });

  it('the server-rendered check-your-email page takes the code too (POST /login/code → 303 with the cookie)', async () => {
    const staff = await newStaff();
    const sent = await t.app.inject({
      method: 'POST',
      url: '/login/email',
      headers: { ...ADMIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: staff.email }).toString(),
    });
    expect(sent.body).toContain('Have a code?');
    expect(sent.body).toContain('action="/login/code"');
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    const form = (body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/login/code', headers: { ...ADMIN, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(body).toString() });
    const wrong = await form({ email: staff.email, code: wrongFor(code) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("That code didn't work");
    const res = await form({ email: staff.email, code });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect((await sitesWith(setCookieOf(res, 'ml_staff')!.split(';')[0])).statusCode).toBe(200);
  });

  it('answers a stranger exactly as a staff member with a wrong code, and a malformed code names the field', async () => {
    const staff = await newStaff();
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    const stranger = await enterCode(`nobody@${s.site.subdomain}.example`, code);
    const member = await enterCode(staff.email, wrongFor(code));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.headers['set-cookie']).toBeUndefined();
    expect(stranger.body).toBe(member.body);
    expect(stranger.json().error).toMatchObject({ code: 'login_code_refused', field: 'code' });
    const malformed = await enterCode(staff.email, '12345');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.field).toBe('code');
  });

  it('locks after 5 wrong codes: the right one is then refused', async () => {
    const staff = await newStaff();
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    for (let i = 0; i < 5; i++) expect((await enterCode(staff.email, wrongFor(code))).statusCode).toBe(400);
    expect((await enterCode(staff.email, code)).statusCode).toBe(400);
  });

  it('expires after 10 minutes', async () => {
    const staff = await newStaff();
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    t.clock.advance(10 * 60_000 + 1000);
    expect((await enterCode(staff.email, code)).statusCode).toBe(400);
  });

  it('the code works after the User Link is used, and the User Link after the code', async () => {
    const staff = await newStaff();
    const first = await askForStaffSignIn(t, s.site.id, staff.email);
    expect((await useLink(first)).statusCode).toBe(303);
    expect((await enterCode(staff.email, first.code)).statusCode).toBe(200);
    const second = await askForStaffSignIn(t, s.site.id, staff.email);
    expect((await enterCode(staff.email, second.code)).statusCode).toBe(200);
    const after = await useLink(second);
    expect(after.statusCode).toBe(303);
    expect(setCookieOf(after, 'ml_staff')).toBeTruthy();
  });

  it('a code is refused once its User Link is revoked, the staff member still on the staff', async () => {
    const staff = await newStaff();
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    // What removing a staff member does first (staff-service.ts), here without the removal.
    await revokeSubjectLinks(t.ctx.db, s.site.id, 'user', staff.id, t.clock.now);
    expect((await enterCode(staff.email, code)).json().error.code).toBe('login_code_refused');
    // A code sent after the revocation is bound to a live link and works.
    t.clock.advance(1000);
    const fresh = await askForStaffSignIn(t, s.site.id, staff.email);
    expect((await enterCode(staff.email, fresh.code)).statusCode).toBe(200);
  });

  it('a removed staff member’s code is refused: it goes with their User Links', async () => {
    const staff = await newStaff('agent');
    const { code } = await askForStaffSignIn(t, s.site.id, staff.email);
    await apiOk(t, 'DELETE', `/api/sites/${s.site.id}/staff/${staff.id}`, undefined, 204);
    const res = await enterCode(staff.email, code);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('login_code_refused');
  });
});

describe.each(TEST_DRIVERS)('login code entry is limited per client address on %s', (driver) => {
  let t: TestApp;
  let port: number;
  let s: MemberSiteFixture;
  beforeAll(async () => {
    t = await startTestApp(driver, { RATE_LIMIT_REDEEM_PER_MINUTE: '3' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
    s = await createMemberSite(t, uniqueSubdomain('codelimits'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const memberEntry = async (from: string) =>
    (
      await httpRequest(port, {
        method: 'POST',
        host: s.host,
        path: '/login/code',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: s.learner.email, code: '000000' }).toString(),
      })
    ).status;
  const staffEntry = async (from: string) =>
    (
      await httpRequest(port, {
        method: 'POST',
        host: `localhost:${port}`,
        path: '/api/auth/login-code',
        localAddress: from,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: s.staff.email, code: '000000' }),
      })
    ).status;

  it.each([
    ['member "Have a code?" (POST /login/code)', memberEntry, ['127.0.0.2', '127.0.0.3']],
    ['staff "Have a code?" (POST /api/auth/login-code)', staffEntry, ['127.0.0.4', '127.0.0.5']],
  ] as const)('%s: one address past the limit does not limit another', async (_name, enter, [first, second]) => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await enter(first));
    expect(statuses).toEqual([400, 400, 400, 429]);
    expect(await enter(second)).toBe(400);
    expect(await enter(first)).toBe(429);
  });
});
