/** Login codes (issue #12 point 2): the 6-digit code in every member login email, on both drivers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';
import { loginCodeOf } from '../support/staff-sign-in.ts';
import { apiOk } from '../support/fixtures.ts';

describe.each(TEST_DRIVERS)('login codes on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  const post = (url: string, form: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { host: s.host, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });

  /** "Email me a link": the page's request id and the code and link from the email. */
  async function requestLogin() {
    const page = await post('/login', { email: s.learner.email });
    const requestId = /name="request" value="([0-9a-f-]+)"/.exec(page.body)![1];
    await settleAfterReplyWork(t.ctx);
    const [email] = await listOutbox(t.ctx.db, s.site.id, { limit: 1 });
    const code = loginCodeOf(email.text!);
    const url = new URL(/(http:\/\/school\.localhost:3000\/\?token=[\w.-]+)/.exec(email.text)![1]);
    return { requestId, code, path: url.pathname + url.search };
  }

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'school');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in with the code from the email: session cookie and 303, by request id or by email', async () => {
    const { requestId, code } = await requestLogin();
    const res = await post('/login/code', { request: requestId, code });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/^ml_member=/);
    const again = await requestLogin();
    const byEmail = await post('/login/code', { email: s.learner.email, code: `${again.code.slice(0, 3)} ${again.code.slice(3)}` });
    expect(byEmail.statusCode).toBe(303);
  });

  it('locks after 5 wrong codes, and a stranger gets the same answer', async () => {
    const { requestId, code } = await requestLogin();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await post('/login/code', { request: requestId, code: wrong })).statusCode).toBe(400);
    expect((await post('/login/code', { request: requestId, code })).statusCode).toBe(400);
    const stranger = await post('/login/code', { email: 'nobody@school.example', code });
    const member = await post('/login/code', { email: s.learner.email, code: wrong });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toBe(member.body);
  });

  it('expires after 10 minutes', async () => {
    const { requestId, code } = await requestLogin();
    t.clock.advance(10 * 60_000 + 1000);
    expect((await post('/login/code', { request: requestId, code })).statusCode).toBe(400);
  });

  it('the code works after the link is used, and the link after the code', async () => {
    t.clock.advance(3_600_000); // past the per-address limit on link emails the earlier tests used up
    const first = await requestLogin();
    const link = await t.app.inject({ method: 'GET', url: first.path, headers: { host: s.host } });
    expect(link.statusCode).toBe(303);
    expect((await post('/login/code', { request: first.requestId, code: first.code })).statusCode).toBe(303);
    const second = await requestLogin();
    expect((await post('/login/code', { request: second.requestId, code: second.code })).statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: second.path, headers: { host: s.host } });
    expect(after.statusCode).toBe(303);
  });

  it('a code is refused once the contact’s links are revoked: it goes with its link', async () => {
    t.clock.advance(3_600_000);
    const { requestId, code } = await requestLogin();
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links/revoke`, {});
    const res = await post('/login/code', { request: requestId, code });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("That code didn't work");
  });
});
