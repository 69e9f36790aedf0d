/**
 * The one redemption path for learner and staff links: User Links log in once whatever the site's
 * learner policy, confirm pages wait for a person's click, and login emails are sent after the
 * reply so every address answers alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { cookiePair } from '../support/cookies.ts';
import { createMemberSite, mintTestLink, withoutLoginRequestId, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { magicLinks, sessions } from '../../server/db/schema.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';

const ADMIN = 'localhost:3000';

/** A page a person must click: no script of any kind, nothing that submits or redirects by itself. */
function expectNoAutoSubmit(res: LightMyRequestResponse) {
  expect(res.body).not.toMatch(/<script/i);
  expect(res.body).not.toMatch(/http-equiv\s*=\s*["']?refresh/i);
  expect(res.body).not.toMatch(/\son\w+\s*=/i);
  expect(res.body).not.toMatch(/\.submit\(/);
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('script-src');
}

describe.each(TEST_DRIVERS)('redemption on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;

  const get = (host: string, url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: { host, ...(cookie && { cookie }) } });
  const post = (host: string, url: string, form: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { host, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
  const usesOf = async (jti: string) => (await t.ctx.db.select({ uses: magicLinks.uses }).from(magicLinks).where(eq(magicLinks.jti, jti)))[0].uses;
  const staffSessions = async (subjectId: string) =>
    (await t.ctx.db.select().from(sessions).where(and(eq(sessions.audience, 'staff'), eq(sessions.subjectId, subjectId)))).length;

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'redeem');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a User Link as a confirm page that GET and HEAD never consume', async () => {
    const link = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    const head = await t.app.inject({ method: 'HEAD', url: link.path, headers: { host: ADMIN } });
    expect(head.statusCode).toBe(200);
    const page = await get(ADMIN, link.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Sign in to redeem school admin as ${s.staff.email}`);
    expect(page.body).toContain('action="/login/confirm"');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(cookiePair(page, 'ml_staff')).toBeUndefined();
    expectNoAutoSubmit(page);
    await get(ADMIN, link.path);
    expect(await usesOf(link.jti)).toBe(0);
    expect(await staffSessions(s.staff.id)).toBe(0);
  });

  it('logs in once on the POST, on a site whose learner policy is unlimited; a second use gets the branded refusal', async () => {
    expect(s.site.linkMaxUses).toBeNull();
    const link = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    const first = await post(ADMIN, '/login/confirm', { token: link.token });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = cookiePair(first, 'ml_staff')!;
    const site = await t.app.inject({ method: 'GET', url: `/api/sites/${s.site.id}`, headers: { cookie } });
    expect(site.statusCode).toBe(200);
    expect(site.json().id).toBe(s.site.id);

    const second = await post(ADMIN, '/login/confirm', { token: link.token });
    expect(second.statusCode).toBe(403);
    expect(cookiePair(second, 'ml_staff')).toBeUndefined();
    expect(second.body).toContain('This sign-in link can&#39;t be used');
    expect(second.body).toContain('redeem school admin');
    // The way to a new link: a form that asks for the staff sign-in email.
    expect(second.body).toContain('action="/login/email"');
    expect((await get(ADMIN, link.path)).statusCode).toBe(403);
    const asked = await post(ADMIN, '/login/email', { email: s.staff.email });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Check your email');
    await settleAfterReplyWork(t.ctx);
    const [mail] = await listOutbox(t.ctx.db, s.site.id, { limit: 1 });
    expect(mail.recipient).toBe(s.staff.email);
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/login\?token=/);
  });

  it('keeps a User Link recorded without a use limit (minted before) single-use', async () => {
    const link = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    await t.ctx.db.update(magicLinks).set({ maxUses: null }).where(eq(magicLinks.jti, link.jti));
    expect((await get(ADMIN, link.path)).body).toContain('action="/login/confirm"');
    expect((await post(ADMIN, '/login/confirm', { token: link.token })).statusCode).toBe(303);
    expect((await post(ADMIN, '/login/confirm', { token: link.token })).statusCode).toBe(403);
  });

  it('opens exactly one session for two simultaneous POSTs of one User Link (separate connections on PostgreSQL)', async () => {
    const other = await createMemberSite(t, 'race');
    const link = await mintTestLink(t, other.site, other.staff.id, '', 'user');
    const answers = await Promise.all([post(ADMIN, '/login/confirm', { token: link.token }), post(ADMIN, '/login/confirm', { token: link.token })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 403]);
    expect(await staffSessions(other.staff.id)).toBe(1);
    expect(await usesOf(link.jti)).toBe(1);
  });

  it('confirms a single-use learner link with a page that never submits itself', async () => {
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: 1 } });
    try {
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const page = await get(s.host, link.path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/login/confirm"');
      expectNoAutoSubmit(page);
      expect(await usesOf(link.jti)).toBe(0);
      const confirmed = await post(s.host, '/login/confirm', { token: link.token });
      expect(confirmed.statusCode).toBe(303);
      expect(await usesOf(link.jti)).toBe(1);
    } finally {
      await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: null } });
    }
  });

  /**
   * Holds every link minting until released: a reply that waited for the mint and send could not
   * arrive while it is held, so getting one proves the reply went first.
   */
  function holdMinting() {
    const ring = t.ctx.keyRing;
    const original = ring.signingKey;
    const originalCached = ring.cachedSigningKey;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Minting asks the cache first: while held it answers nothing, so every mint waits here.
    ring.cachedSigningKey = () => undefined;
    ring.signingKey = async (siteId: string) => {
      await held;
      return original.call(ring, siteId);
    };
    return () => {
      ring.signingKey = original;
      ring.cachedSigningKey = originalCached;
      release();
    };
  }

  async function pollOutbox(recipient: string): Promise<void> {
    for (;;) {
      if ((await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).some((m) => m.recipient === recipient)) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('answers the staff login-link request first and alike for every address, then sends', async () => {
    const known = s.staff.email;
    const before = (await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).filter((m) => m.recipient === known).length;
    const release = holdMinting();
    try {
      const forKnown = await t.app.inject({ method: 'POST', url: '/api/auth/login-link', payload: { email: known } });
      const forUnknown = await t.app.inject({ method: 'POST', url: '/api/auth/login-link', payload: { email: 'nobody@nowhere.example' } });
      expect(forKnown.statusCode).toBe(202);
      expect(forUnknown.statusCode).toBe(forKnown.statusCode);
      expect(forUnknown.body).toBe(forKnown.body);
      expect(forKnown.json()).toEqual({ sent: true });
      expect((await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).filter((m) => m.recipient === known).length).toBe(before);
    } finally {
      release();
    }
    await pollOutbox(known);
    await settleAfterReplyWork(t.ctx);
    expect((await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).filter((m) => m.recipient === known).length).toBe(before + 1);
  });

  it('answers the member "email me a link" form first and alike for members, non-members and strangers', async () => {
    const release = holdMinting();
    let answers: LightMyRequestResponse[];
    try {
      answers = [
        await post(s.host, '/login', { email: s.learner.email }),
        await post(s.host, '/login', { email: s.outsider.email }),
        await post(s.host, '/login', { email: 'stranger@nowhere.example' }),
      ];
      expect((await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).some((m) => m.recipient === s.learner.email)).toBe(false);
    } finally {
      release();
    }
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers[0].body).toMatch(/name="request" value="[0-9a-f-]+"/);
    expect(new Set(answers.map((a) => withoutLoginRequestId(a.body))).size).toBe(1);
    await pollOutbox(s.learner.email);
    await settleAfterReplyWork(t.ctx);
    const outbox = await listOutbox(t.ctx.db, s.site.id, { limit: 500 });
    expect(outbox.some((m) => m.recipient === s.outsider.email)).toBe(false);
  });
});
