/** Tokens never reach the logs: request URLs are logged with the token redacted, on success and failure. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createMemberSite, mintTestLink } from '../support/member-fixtures.ts';
import { buildApp } from '../../server/app.ts';
import { redactError, redactSecrets, redactUrl } from '../../server/http/redact.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { MagicLinkMinter } from '../../server/links/mint-magic-link.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';
import { askForStaffSignIn, loginCodeOf } from '../support/staff-sign-in.ts';

/** The app with its request log on, written to `log.text` (the test reads what it logged). */
async function loggingApp(t: TestApp) {
  const log = { text: '' };
  const logStream = new Writable({
    write(chunk, _enc, done) {
      log.text += chunk.toString();
      done();
    },
  });
  const app = await buildApp(t.ctx, { logger: true, logStream });
  await app.ready();
  return { app, log };
}

describe('logging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('redacts secret query parameters', () => {
    expect(redactUrl('/courses?token=abc.def.ghi&x=1')).toBe('/courses?token=[redacted]&x=1');
    expect(redactUrl('/login?TOKEN=abc')).toBe('/login?TOKEN=[redacted]');
    expect(redactUrl('/a?b=1&api_key=zzz')).toBe('/a?b=1&api_key=[redacted]');
  });

  it('redacts a token in any encoding, parameter or field, and API keys and JWS anywhere', () => {
    const secret = 'S3cr3tValue_-x';
    for (const text of [
      `/api/x/inspect?url=http%3A%2F%2Fa.localhost%2Fcourses%3Ftoken%3D${secret}`,
      `/api/x/inspect?url=http%253A%252F%252Fa%252Fcourses%253Ftoken%253D${secret}`,
      `<a href="/courses?a=1&amp;token=${secret}">`,
      `{"note":"see /login?token=${secret} now"}`,
      `cookie: ml_staff=${secret}; other=1`,
    ]) {
      expect(redactSecrets(text), text).not.toContain(secret);
    }
    const jws = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactSecrets(`{"message":"bad link ${jws}"}`)).toBe('{"message":"bad link [redacted]"}');
    expect(redactSecrets('Bearer mlk_abcDEF123-_x')).toBe('Bearer [redacted]');
    expect(redactError(new Error(`failed for ${jws}`)).message).toBe('failed for [redacted]');
  });

  it('logs redemptions (working and tampered links) without the token', async () => {
    const { app, log } = await loggingApp(t);
    try {
      const s = await createMemberSite(t, 'logged');
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const tampered = link.path.slice(0, -4) + 'AAAA';
      for (const path of [link.path, tampered]) {
        const res = await app.inject({ method: 'GET', url: path, headers: { host: s.host } });
        expect([303, 400]).toContain(res.statusCode);
      }
      expect(log.text).toContain('token=[redacted]');
      expect(log.text).not.toContain(link.token);
      expect(log.text).not.toContain(link.token.split('.')[2]);
      expect(log.text).not.toContain(link.token.split('.')[1]);

      // The link inspector carries the whole link, encoded, in ?url= (once, twice, HTML-escaped).
      const session = await openSession(t.ctx.db, 'staff', s.site.id, s.staff.id, t.clock.now);
      const inspect = (url: string) =>
        app.inject({ method: 'GET', url, headers: { host: 'localhost:3000', cookie: `${SESSION_COOKIE.staff}=${session.token}` } });
      const once = encodeURIComponent(link.url);
      for (const url of [
        `/api/sites/${s.site.id}/links/inspect?url=${once}`,
        `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(once)}`,
        `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(link.url.replace('?', '?a=1&amp;'))}`,
      ]) {
        const res = await inspect(url);
        expect(res.statusCode, url).toBeLessThan(500);
      }
      expect((await inspect(`/api/sites/${s.site.id}/links/inspect?url=${once}`)).json()).toBeTruthy();
      expect(log.text).toContain('/links/inspect?url=');
      expect(log.text).not.toContain(link.token);
      expect(log.text).not.toContain(link.token.split('.')[2]);
      expect(log.text).not.toContain(link.token.split('.')[1]);
      expect(log.text).not.toContain(session.token);
    } finally {
      await app.close();
    }
  });

  it('logs short-link redemptions and inspections without the code', async () => {
    const code = 'Qm9vZ2llV29vZ2llQm9vZ2';
    for (const text of [`/l/${code}`, `/api/x/inspect?url=http%3A%2F%2Fa.localhost%2Fl%2F${code}`, `url=http%253A%252F%252Fa%252Fl%252F${code}`]) {
      expect(redactSecrets(text), text).not.toContain(code);
    }
    const { app, log } = await loggingApp(t);
    try {
      const s = await createMemberSite(t, 'logged-short');
      const minter = new MagicLinkMinter(t.ctx.db, t.ctx.keyRing, t.config);
      const link = await minter.mint({ site: s.site, kind: 'learner', subjectId: s.learner.id, destination: 'courses', channel: 'sms', sentBy: 'test', shortLink: true, now: t.clock.now });
      await minter.flush();
      const { pathname } = new URL(link.url);
      const minted = pathname.slice('/l/'.length);
      expect((await app.inject({ method: 'GET', url: pathname, headers: { host: s.host } })).statusCode).toBe(303);
      const session = await openSession(t.ctx.db, 'staff', s.site.id, s.staff.id, t.clock.now);
      const inspected = await app.inject({
        method: 'GET',
        url: `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(link.url)}`,
        headers: { host: 'localhost:3000', cookie: `${SESSION_COOKIE.staff}=${session.token}` },
      });
      expect(inspected.json().verdict).toBe('works');
      expect(log.text).toContain('/l/[redacted]');
      expect(log.text).not.toContain(minted);
    } finally {
      await app.close();
    }
  });

  it('logs login code entry (member and staff, in a body or a URL) without the code', async () => {
    expect(redactUrl('/login/code?code=123456&x=1')).toBe('/login/code?code=[redacted]&x=1');
    expect(redactSecrets('/api/x/inspect?url=http%3A%2F%2Fa.localhost%2Flogin%2Fcode%3Fcode%3D123456')).not.toContain('123456');
    const { app, log } = await loggingApp(t);
    // The code as a whole token: not part of a longer number, id or time.
    const appears = (code: string) => new RegExp(`(?<![0-9A-Za-z.])${code}(?![0-9A-Za-z.])`).test(log.text);
    try {
      const s = await createMemberSite(t, 'logged-codes');
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      await app.inject({ method: 'POST', url: '/login', headers: { host: s.host, ...form }, payload: `email=${encodeURIComponent(s.learner.email)}` });
      await settleAfterReplyWork(t.ctx);
      const [mail] = await listOutbox(t.ctx.db, s.site.id, { contactId: s.learner.id, limit: 1 });
      const memberCode = loginCodeOf(mail.text!);
      // A code in a URL (someone pastes it into the address bar), then the form's body.
      await app.inject({ method: 'GET', url: `/login/code?code=${memberCode}`, headers: { host: s.host } });
      const member = await app.inject({ method: 'POST', url: '/login/code', headers: { host: s.host, ...form }, payload: `email=${encodeURIComponent(s.learner.email)}&code=${memberCode}` });
      expect(member.statusCode).toBe(303);

      const staff = await askForStaffSignIn({ ...t, app }, s.site.id, s.staff.email);
      await app.inject({ method: 'POST', url: `/api/auth/login-code?code=${staff.code}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/auth/login-code',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: s.staff.email, code: staff.code }),
      });
      expect(signedIn.statusCode).toBe(200);
      const staffForm = await app.inject({ method: 'POST', url: '/login/code', headers: { host: 'localhost:3000', ...form }, payload: `email=${encodeURIComponent(s.staff.email)}&code=${staff.code}` });
      expect(staffForm.statusCode).toBe(400); // used once already

      expect(log.text).toContain('code=[redacted]');
      expect(log.text).toContain('/api/auth/login-code');
      expect(appears(memberCode), 'the member code is in the logs').toBe(false);
      expect(appears(staff.code), 'the staff code is in the logs').toBe(false);
    } finally {
      await app.close();
    }
  });
});
