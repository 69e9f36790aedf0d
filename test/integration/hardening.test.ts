/**
 * Hardened edges (issue 16): CSRF on the cookie-authenticated API, security headers, webhook
 * replays, limits with clear errors — on both drivers.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import { loadConfig } from '../../server/config.ts';
import { createAppContext } from '../../server/bootstrap.ts';
import type { InjectOptions } from 'fastify';
import { BOOTSTRAP_KEY, startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { signedHook } from './workflow-support.ts';

const ADMIN_ORIGIN = 'http://localhost:3000';

describe.each(TEST_DRIVERS)('hardening (%s)', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let cookie: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'hardened');
    const session = await openSession(t.ctx.db, 'staff', s.site.id, s.staff.id, t.clock.now);
    cookie = `${SESSION_COOKIE.staff}=${session.token}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A request as a browser holding the staff session cookie sends it. */
  const asStaff = (method: InjectOptions['method'], url: string, headers: Record<string, string>, payload?: string) =>
    t.app.inject({ method, url, headers: { host: 'localhost:3000', cookie, ...headers }, ...(payload !== undefined && { payload }) });

  describe('CSRF on cookie-authenticated writes', () => {
    const contacts = () => `/api/sites/${s.site.id}/contacts`;

    it('refuses a form-encoded POST carrying the staff cookie', async () => {
      const res = await asStaff('POST', contacts(), { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://other.localhost:4000' }, 'email=forged%40x.example');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf');
      // Even from the admin origin, a form body is not what the API takes with a cookie.
      const sameOrigin = await asStaff('POST', contacts(), { 'content-type': 'application/x-www-form-urlencoded', origin: ADMIN_ORIGIN }, 'email=forged%40x.example');
      expect(sameOrigin.statusCode).toBe(403);
      expect(sameOrigin.json().error.message).toMatch(/application\/json/);
    });

    it('refuses a text/plain body (a no-cors fetch) even from the admin origin', async () => {
      const res = await asStaff('POST', contacts(), { 'content-type': 'text/plain', origin: ADMIN_ORIGIN }, JSON.stringify({ email: 'plain@x.example' }));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'csrf' });
      expect(res.json().error.message).toMatch(/not text\/plain/);
    });

    it('refuses JSON from another origin, a member-site origin, or with no origin at all', async () => {
      const body = JSON.stringify({ email: 'cross@x.example' });
      for (const origin of ['http://other.localhost:4000', 'http://localhost:4000', 'http://hardened.localhost:3000', 'null']) {
        const res = await asStaff('POST', contacts(), { 'content-type': 'application/json', origin }, body);
        expect(res.statusCode, origin).toBe(403);
        expect(res.json().error.code).toBe('csrf');
      }
      const member = await asStaff('POST', contacts(), { 'content-type': 'application/json', origin: 'http://hardened.localhost:3000' }, body);
      expect(member.json().error.message).toMatch(/member site/);
      const noOrigin = await asStaff('POST', contacts(), { 'content-type': 'application/json' }, body);
      expect(noOrigin.statusCode).toBe(403);
      const sameSite = await asStaff('POST', contacts(), { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, body);
      expect(sameSite.statusCode).toBe(403);
      // Body-less writes (keys/rotate) need the origin just the same.
      const rotate = await asStaff('POST', `/api/sites/${s.site.id}/keys/rotate`, { origin: 'http://other.localhost:4000' });
      expect(rotate.statusCode).toBe(403);
      const listed = await t.api('GET', `${contacts()}?search=cross`);
      expect(listed.json().total).toBe(0);
    });

    it('accepts JSON from the admin origin, or same-origin by Sec-Fetch-Site', async () => {
      const res = await asStaff('POST', contacts(), { 'content-type': 'application/json; charset=utf-8', origin: ADMIN_ORIGIN }, JSON.stringify({ email: 'ok@x.example' }));
      expect(res.statusCode).toBe(201);
      const fetchSite = await asStaff('PATCH', `${contacts()}/${res.json().id}`, { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, JSON.stringify({ firstName: 'Olga' }));
      expect(fetchSite.statusCode).toBe(200);
      const rotate = await asStaff('POST', `/api/sites/${s.site.id}/keys/rotate`, { origin: ADMIN_ORIGIN });
      expect(rotate.statusCode).toBe(201);
      // Reads are not writes: GET needs no origin.
      const read = await asStaff('GET', contacts(), {});
      expect(read.statusCode).toBe(200);
    });

    it('leaves API-key requests alone (no Origin, any declared body type)', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: contacts(),
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json', cookie },
        payload: JSON.stringify({ email: 'bearer@x.example' }),
      });
      expect(res.statusCode).toBe(201);
    });

    it('accepts the CSV import with the cookie from the admin origin, and refuses it cross-origin', async () => {
      const csv = 'email,first_name\ncsv1@x.example,Ann\ncsv2@x.example,Bob\n';
      const ok = await asStaff('POST', `${contacts()}/import`, { 'content-type': 'text/csv', origin: ADMIN_ORIGIN }, csv);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ created: 2, failed: 0 });
      const cross = await asStaff('POST', `${contacts()}/import`, { 'content-type': 'text/plain', origin: 'http://other.localhost:4000' }, csv);
      expect(cross.statusCode).toBe(403);
      const plain = await asStaff('POST', `${contacts()}/import`, { 'content-type': 'text/plain', origin: ADMIN_ORIGIN }, csv);
      expect(plain.statusCode).toBe(403);
      expect(plain.json().error.message).toMatch(/text\/csv/);
    });

    it('leaves public routes alone (one-click unsubscribe is a form post)', async () => {
      const res = await asStaff('POST', '/api/auth/login-link', { 'content-type': 'application/json', origin: 'http://other.localhost:4000' }, JSON.stringify({ email: 'nobody@x.example' }));
      expect(res.statusCode).toBe(202);
    });
  });

  describe('security headers', () => {
    const expectHardened = (headers: Record<string, unknown>, what: string) => {
      const csp = String(headers['content-security-policy']);
      expect(csp, what).toContain("frame-ancestors 'none'");
      expect(csp, what).toContain("script-src 'self'");
      expect(csp, what).not.toContain("'unsafe-inline'; script");
      expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(headers['x-content-type-options'], what).toBe('nosniff');
      expect(headers['referrer-policy'], what).toBe('no-referrer');
      expect(headers['x-frame-options'], what).toBe('DENY');
      expect(headers['strict-transport-security'], `${what}: no HSTS over http`).toBeUndefined();
    };

    it('sets them on the admin app, the API and the unsubscribe pages', async () => {
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'localhost:3000' } });
      expectHardened((await get('/login')).headers, 'sign-in page');
      expectHardened((await get('/')).headers, 'admin app');
      expectHardened((await get(`/api/sites/${s.site.id}`)).headers, 'API (401)');
      expectHardened((await t.api('GET', `/api/sites/${s.site.id}`)).headers, 'API');
      expectHardened((await get('/api/unsubscribe/not-a-token')).headers, 'unsubscribe page');
      expectHardened((await get('/api/openapi.json')).headers, 'OpenAPI');
    });

    it("leaves the member site's own policy in place", async () => {
      const res = await t.app.inject({ method: 'GET', url: '/courses', headers: { host: s.host } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
      const missing = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { host: s.host } });
      expect(missing.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    });

    it('adds HSTS when PUBLIC_URL is https', async () => {
      const secure = await startTestApp(driver, { PUBLIC_URL: 'https://admin.example' });
      try {
        const res = await secure.app.inject({ method: 'GET', url: '/login', headers: { host: 'admin.example' } });
        expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      } finally {
        await secure.close();
      }
    });
  });

  describe('webhook signatures are single-use', () => {
    it('answers a replay with 409 and grants nothing, even after the offer was revoked', async () => {
      const secret = (await apiOk(t, 'POST', `/api/sites/${s.site.id}/webhook-secret`)).secret as string;
      const at = new Date(t.clock.now);
      const grant = { email: s.outsider.email, offerId: s.communityOffer.id };
      const first = await signedHook(t, s.site.id, 'access', grant, secret, at);
      expect(first.statusCode).toBeLessThan(300);
      const holds = async () => {
        const { access } = await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts/${s.outsider.id}`);
        return (access as { offerId: string; revokedAt: string | null }[]).some((g) => g.offerId === s.communityOffer.id && !g.revokedAt);
      };
      expect(await holds()).toBe(true);
      const revoked = await t.api('DELETE', `/api/sites/${s.site.id}/contacts/${s.outsider.id}/access/${s.communityOffer.id}`);
      expect(revoked.statusCode).toBeLessThan(300);
      const eventsBefore = t.events.length;

      t.clock.advance(60_000); // still inside the 5-minute window
      const replay = await signedHook(t, s.site.id, 'access', grant, secret, at);
      expect(replay.statusCode).toBe(409);
      expect(replay.json().error).toMatchObject({ code: 'replayed_signature' });
      expect(t.events.slice(eventsBefore).filter((e) => e.type === 'offer.access_granted')).toHaveLength(0);
      expect(await holds()).toBe(false);
    });

    it('lets only one of two concurrent identical requests through', async () => {
      const secret = (await apiOk(t, 'POST', `/api/sites/${s.site.id}/webhook-secret`)).secret as string;
      const at = new Date(t.clock.now);
      const body = { email: 'racer@x.example', offerId: s.coursesOffer.id };
      const results = await Promise.all([1, 2].map(() => signedHook(t, s.site.id, 'access', body, secret, at)));
      expect(results.map((r) => r.statusCode < 300).sort()).toEqual([false, true]);
      expect(results.find((r) => r.statusCode >= 300)!.statusCode).toBe(409);
      // A freshly signed request (new timestamp) is a new request and works.
      t.clock.advance(1000);
      expect((await signedHook(t, s.site.id, 'access', body, secret)).statusCode).toBeLessThan(300);
    });
  });
});

/** The embedded database only (PostgreSQL's files are its server's business). */
describe('DATA_DIR at rest (embedded database)', () => {
  const modes = (dir: string, out: { path: string; mode: number; dir: boolean }[] = []) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const stat = lstatSync(path);
      out.push({ path, mode: stat.mode & 0o777, dir: stat.isDirectory() });
      if (stat.isDirectory()) modes(path, out);
    }
    return out;
  };

  it('keeps every directory 0700 and every file 0600, fixing a DATA_DIR made before', async () => {
    const previous = process.umask(0o022);
    const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-at-rest-'));
    try {
      // A DATA_DIR from an older version: world-readable directory and file.
      mkdirSync(join(dataDir, 'pglite'), { mode: 0o755 });
      writeFileSync(join(dataDir, 'old-notes.txt'), 'x', { mode: 0o644 });
      const ctx = await createAppContext(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' }));
      // Writes after start create new files (WAL, relations): they are private too.
      await ctx.database.sql.query('create table at_rest_probe (id int)');
      await ctx.database.sql.query('insert into at_rest_probe values (1)');
      await ctx.database.close();
      const found = modes(dataDir);
      expect(found.length).toBeGreaterThan(100);
      expect(found.some((f) => f.path.endsWith('master.key'))).toBe(true);
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
      for (const f of found) expect(f.mode.toString(8), f.path).toBe(f.dir ? '700' : '600');
    } finally {
      process.umask(previous);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
