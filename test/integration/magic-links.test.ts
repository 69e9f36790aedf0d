import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { cookiePair, setCookieOf } from '../support/cookies.ts';
import { createMemberSite, mintTestLink, withoutLoginRequestId, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { settleAfterReplyWork } from '../../server/http/after-reply.ts';
import { eq } from 'drizzle-orm';
import { linkRedemptions, magicLinks } from '../../server/db/schema.ts';
import { PREVIEW_TOKEN } from '../../server/links/link-token.ts';

const DAY = 24 * 3600 * 1000;

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(TEST_DRIVERS)('magic links on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let other: MemberSiteFixture;

  const get = (host: string, url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: { host, ...(cookie && { cookie }) } });
  const post = (host: string, url: string, form: Record<string, string>, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { host, 'content-type': 'application/x-www-form-urlencoded', ...(cookie && { cookie }) },
      payload: new URLSearchParams(form).toString(),
    });
  /** Follows a link: redeem, then open where the redirect leads with the session cookie. */
  async function login(path: string) {
    const res = await get(s.host, path);
    const cookie = cookiePair(res, 'ml_member');
    return { res, cookie };
  }

  beforeAll(async () => {
    t = await startTestApp(driver);
    s = await createMemberSite(t, 'school');
    other = await createMemberSite(t, 'other-school');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs in with 303 to the same URL without the token and a host-only HttpOnly session', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect(link.url).toMatch(/^http:\/\/school\.localhost:3000\/courses\?token=[\w-]+\.[\w-]+\.[\w-]+$/);
    const { res, cookie } = await login(link.path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/courses');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = setCookieOf(res, 'ml_member')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http in tests; https sets Secure

    const page = await get(s.host, '/courses', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Course of Secrets');
    const item = await get(s.host, `/courses/${s.course.id}`, cookie);
    expect(item.statusCode).toBe(200);
    // The session is this site's only.
    expect((await get(other.host, '/courses', cookie)).body).toContain('Log in to other-school school');

    const links = await apiOk(t, 'GET', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links`);
    const mine = links.links.find((l: { jti: string }) => l.jti === link.jti);
    expect(mine).toMatchObject({ uses: 1, destination: 'courses', channel: 'email' });
    expect(links.redemptions.find((r: { jti: string }) => r.jti === link.jti)).toMatchObject({ jti: link.jti, outcome: 'ok' });
    expect(JSON.stringify(links)).not.toContain(link.token);
  });

  it('shows the plain URL as a login form, and "email me a link" gives one answer for members and strangers', async () => {
    const plain = await get(s.host, '/courses');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Email me a login link');
    const before = (await listOutbox(t.ctx.db, s.site.id, { limit: 500 })).length;
    const member = await post(s.host, '/login', { email: s.learner.email.toUpperCase() });
    const stranger = await post(s.host, '/login', { email: 'nobody@school.example' });
    expect(member.statusCode).toBe(200);
    expect(stranger.statusCode).toBe(200);
    expect(withoutLoginRequestId(stranger.body)).toBe(withoutLoginRequestId(member.body));
    // The email is sent after the reply.
    await settleAfterReplyWork(t.ctx);
    const outbox = await listOutbox(t.ctx.db, s.site.id, { limit: 500 });
    expect(outbox.length).toBe(before + 1);
    expect(outbox[0].recipient).toBe(s.learner.email);
    expect(outbox[0].text).toContain('Hi Lena,');
    const url = /(http:\/\/school\.localhost:3000\/\?token=[\w.-]+)/.exec(outbox[0].text)![1];
    const { res } = await login(new URL(url).pathname + new URL(url).search);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
  });

  it('explains an expired link and sends a fresh one that works', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    t.clock.advance(8 * DAY);
    try {
      const res = await get(s.host, link.path);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('This link has expired');
      expect(res.body).toContain('help@school.example');
      expect(res.body).toContain('+14155552671');
      expect(setCookieOf(res, 'ml_member')).toBeUndefined();
      const resend = await post(s.host, '/resend', { token: link.token });
      await settleAfterReplyWork(t.ctx);
      expect(resend.statusCode).toBe(200);
      expect(resend.body).toContain('A new link is on its way');
      const [fresh] = await listOutbox(t.ctx.db, s.site.id, { contactId: s.learner.id, limit: 1 });
      const url = new URL(/(http:\/\/school\.localhost:3000\/courses\?token=[\w.-]+)/.exec(fresh.text)![1]);
      const follow = await get(s.host, url.pathname + url.search);
      expect(follow.statusCode).toBe(303);
      expect(follow.headers.location).toBe('/courses');
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it('refuses links issued before "revoke all links" and accepts ones sent after', async () => {
    const old = await mintTestLink(t, s.site, s.learner.id, 'courses');
    t.clock.advance(1000);
    const revoke = await t.api('POST', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links/revoke`);
    expect(revoke.statusCode).toBe(200);
    t.clock.advance(1000);
    const res = await get(s.host, old.path);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("This link can't be used");
    expect(res.body).toContain('Email me a login link');
    const fresh = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect((await get(s.host, fresh.path)).statusCode).toBe(303);
  });

  it('shows no-access (and creates no session) when the offer was revoked after sending', async () => {
    const contact = await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts`, { email: 'lapsed@school.example' });
    await apiOk(t, 'POST', `/api/sites/${s.site.id}/contacts/${contact.id}/access`, { offerId: s.coursesOffer.id });
    const link = await mintTestLink(t, s.site, contact.id, 'courses');
    await apiOk(t, 'DELETE', `/api/sites/${s.site.id}/contacts/${contact.id}/access/${s.coursesOffer.id}`);
    const res = await get(s.host, link.path);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("You don't have access right now");
    expect(res.body).toContain('help@school.example');
    expect(setCookieOf(res, 'ml_member')).toBeUndefined();
    // A contact who never had an offer gets the same page.
    const never = await mintTestLink(t, s.site, s.outsider.id, '');
    expect((await get(s.host, never.path)).body).toContain("You don't have access right now");
  });

  it('logs in but shows the no-content page for a section none of their offers unlock', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'communities');
    const { res, cookie } = await login(link.path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/communities');
    const page = await get(s.host, '/communities', cookie);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("Communities isn't part of your offers");
    expect(page.body).toContain('Course of Secrets');
    expect(page.body).toContain('Courses Pass');
    const item = await get(s.host, `/communities/${s.community.id}`, cookie);
    expect(item.statusCode).toBe(403);
    expect(item.body).not.toContain('Hidden Club');
  });

  it('refuses tampered, alg:none, unknown-kid, other-site and wrong-kind tokens with the generic page', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const [header, payload, signature] = link.token.split('.');
    const flipped = signature[5] === 'A' ? 'B' : 'A';
    const tamperedSignature = `${header}.${payload}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tamperedPayload = `${header}.${b64url({ ...claims, dest: 'communities' })}.${signature}`;
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid;
    const algNone = `${b64url({ alg: 'none', kid, typ: 'JWT' })}.${payload}.`;
    const unknownKid = `${b64url({ alg: 'HS256', kid: 'AAAAAAAAAAAAAAAAAAAAAA', typ: 'JWT' })}.${payload}.${signature}`;
    const otherSite = await mintTestLink(t, other.site, other.learner.id, 'courses');
    const userLink = await mintTestLink(t, s.site, s.staff.id, '', 'user');

    for (const [name, token] of Object.entries({ tamperedSignature, tamperedPayload, algNone, unknownKid, otherSite: otherSite.token, userLink: userLink.token, garbage: 'not-a-token' })) {
      const res = await get(s.host, `/courses?token=${encodeURIComponent(token)}`);
      expect(res.statusCode, name).toBe(400);
      expect(res.body, name).toContain("This link can't be used");
      expect(setCookieOf(res, 'ml_member'), name).toBeUndefined();
    }
    // The learner token on the staff route is refused too.
    const asStaff = await get('localhost:3000', `/login?token=${link.token}`);
    expect(asStaff.statusCode).toBe(400);
    expect(setCookieOf(asStaff, 'ml_staff')).toBeUndefined();
  });

  it('confirms single-use links with a POST: GET and HEAD never consume them', async () => {
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: 1 } });
    try {
      const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
      const head = await t.app.inject({ method: 'HEAD', url: link.path, headers: { host: s.host } });
      expect(head.statusCode).toBe(200);
      const scanner = await get(s.host, link.path);
      expect(scanner.statusCode).toBe(200);
      expect(scanner.body).toContain('action="/login/confirm"');
      expect(setCookieOf(scanner, 'ml_member')).toBeUndefined();
      const again = await get(s.host, link.path);
      expect(again.body).toContain('action="/login/confirm"');

      const confirmed = await post(s.host, '/login/confirm', { token: link.token });
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe('/courses');
      expect(setCookieOf(confirmed, 'ml_member')).toBeDefined();
      const reused = await post(s.host, '/login/confirm', { token: link.token });
      expect(reused.statusCode).toBe(403);
      expect(reused.body).toContain("This link can't be used");
      expect((await get(s.host, link.path)).statusCode).toBe(403);
    } finally {
      await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: null } });
    }
  });

  it('keeps old links working across key rotation until the old key is retired', async () => {
    const before = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const rotated = await t.api('POST', `/api/sites/${s.site.id}/keys/rotate`);
    expect(rotated.statusCode).toBe(201);
    const after = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
    expect(kidOf(after.token)).toBe(rotated.json().kid);
    expect(kidOf(before.token)).not.toBe(kidOf(after.token));
    expect((await get(s.host, before.path)).statusCode).toBe(303);

    const keys = (await apiOk(t, 'GET', `/api/sites/${s.site.id}/keys`)).keys;
    expect(keys.map((k: { status: string }) => k.status)).toEqual(['active', 'verify']);
    expect(JSON.stringify(keys)).not.toMatch(/secret/i);
    const activeRetire = await t.api('POST', `/api/sites/${s.site.id}/keys/${rotated.json().kid}/retire`);
    expect(activeRetire.statusCode).toBe(409);
    expect((await t.api('POST', `/api/sites/${s.site.id}/keys/${kidOf(before.token)}/retire`)).statusCode).toBe(200);
    expect((await get(s.host, before.path)).statusCode).toBe(400);
    expect((await get(s.host, after.path)).statusCode).toBe(303);
  });

  it('never redirects off the site, whatever the path looks like', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const q = `?token=${link.token}`;
    for (const path of ['//evil.example/' + q, '/https:evil.example' + q, '/%2F%2Fevil.example' + q, '/%5Cevil.example' + q, '/\\evil.example' + q, '/courses/..%2F..%2Fevil' + q, '/courses//evil.example' + q]) {
      const res = await get(s.host, path);
      if (res.statusCode === 303) expect(res.headers.location, path).toMatch(/^\/(?!\/)(?!\\)/);
      else {
        expect(res.statusCode, path).toBe(404);
        expect(res.body, path).toContain("This page doesn't exist");
      }
      expect(String(res.headers.location ?? '')).not.toContain('evil');
    }
  });

  it('logs staff into the admin app with a User Link', async () => {
    const link = await mintTestLink(t, s.site, s.staff.id, '', 'user');
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/login\?token=/);
    const confirm = await get('localhost:3000', link.path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('action="/login/confirm"');
    const res = await post('localhost:3000', '/login/confirm', { token: link.token });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = setCookieOf(res, 'ml_staff')!;
    expect(cookie).toMatch(/HttpOnly/i);
    const sites = await t.app.inject({ method: 'GET', url: '/api/sites', headers: { cookie: cookie.split(';')[0] } });
    expect(sites.statusCode).toBe(200);
    expect(sites.json().sites.map((x: { id: string }) => x.id)).toEqual([s.site.id]);
    // The user token on the member site is refused.
    expect((await get(s.host, `/?token=${link.token}`)).statusCode).toBe(400);
  });

  it('answers preview links with a page that logs nobody in', async () => {
    const res = await get(s.host, '/courses?token=preview');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('This was a preview link');
    expect(setCookieOf(res, 'ml_member')).toBeUndefined();
  });

  it('generates custom values for destinations without handing out tokens', async () => {
    const res = await t.api('POST', `/api/sites/${s.site.id}/magic-links/generate`, { destination: `courses/${s.course.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ customValue: `{{magic_link.course.${s.course.id}}}`, plainUrl: `http://school.localhost:3000/courses/${s.course.id}` });
    expect(res.json().urlShape).not.toMatch(/token=ey/);
    const bad = await t.api('POST', `/api/sites/${s.site.id}/magic-links/generate`, { destination: '//evil.example' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('destination');
  });

  it('inspects forwarded links: the reason each would fail now and the fix', async () => {
    const inspect = (url: string) => apiOk(t, 'GET', `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(url)}`);
    const works = await mintTestLink(t, s.site, s.learner.id, 'courses');
    expect(await inspect(works.url)).toMatchObject({ verdict: 'works', contact: { id: s.learner.id }, link: { destination: 'courses' }, access: { offers: ['Courses Pass'], unlocksDestination: true } });
    expect((await inspect(works.url.split('?')[0])).verdict).toBe('plain_url');
    const noContent = await mintTestLink(t, s.site, s.learner.id, 'communities');
    const nc = await inspect(noContent.url);
    expect(nc.verdict).toBe('no_content');
    expect(nc.fix).toContain('“Club Pass”');
    const outsider = await mintTestLink(t, s.site, s.outsider.id, '');
    const na = await inspect(outsider.url);
    expect(na.verdict).toBe('no_access');
    expect(na.fix).toMatch(/^Grant Otto an offer/);
    expect((await inspect(works.url.slice(0, -3))).verdict).toBe('tampered');
    const foreign = await mintTestLink(t, other.site, other.learner.id, 'courses');
    expect((await inspect(foreign.url)).verdict).toBe('not_this_site');
    t.clock.advance(8 * DAY);
    try {
      expect((await inspect(works.url)).verdict).toBe('expired');
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it('reports activity per day with the top failure reasons and their fixes', async () => {
    // Its own site and links, so the counts are exact and the test passes alone and in any order.
    const a = await createMemberSite(t, 'activity-school');
    // From its own client address, so its redemptions don't use up the other tests' per-IP limit.
    const open = (path: string) => t.app.inject({ method: 'GET', url: path, headers: { host: a.host }, remoteAddress: '127.0.0.9' });
    const links = [];
    for (let i = 0; i < 3; i++) links.push(await mintTestLink(t, a.site, a.learner.id, 'courses'));
    expect((await open(links[0].path)).statusCode).toBe(303);
    expect((await open(links[1].path)).statusCode).toBe(303);
    expect((await open(links[2].path.slice(0, -3))).statusCode).toBe(400); // tampered signature
    const outsider = await mintTestLink(t, a.site, a.outsider.id, 'courses');
    expect((await open(outsider.path)).statusCode).toBe(403);

    const res = await t.api('GET', `/api/sites/${a.site.id}/activity?days=7`);
    expect(res.statusCode).toBe(200);
    const { days, topFailures } = res.json();
    expect(days).toHaveLength(7);
    const today = days.find((d: { day: string }) => d.day === t.clock.now.toISOString().slice(0, 10));
    expect(today).toMatchObject({ sent: 4, redeemed: 2, failed: 2 });
    const outcomes = topFailures.map((f: { outcome: string }) => f.outcome);
    expect(outcomes).toContain('invalid:bad_signature');
    expect(topFailures.find((f: { outcome: string }) => f.outcome === 'no_access').fix).toContain('Grant the contact an offer');
  });

  it('logs out', async () => {
    const link = await mintTestLink(t, s.site, s.learner.id, '');
    const { cookie } = await login(link.path);
    expect((await get(s.host, '/', cookie)).body).toContain('Welcome, Lena!');
    const out = await post(s.host, '/logout', {}, cookie);
    expect(out.statusCode).toBe(303);
    expect((await get(s.host, '/', cookie)).body).toContain('Email me a login link');
  });
});

describe.each(TEST_DRIVERS)('rate limits on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver, { RATE_LIMIT_REDEEM_PER_MINUTE: '3', RATE_LIMIT_LINK_EMAILS_PER_HOUR: '2' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After past the per-IP redemption and per-address email limits', async () => {
    const s = await createMemberSite(t, 'limited');
    const link = await mintTestLink(t, s.site, s.learner.id, 'courses');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ method: 'GET', url: link.path, headers: { host: s.host } })).statusCode);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const limited = await t.app.inject({ method: 'GET', url: link.path, headers: { host: s.host } });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toContain('Too many attempts');
    // Over the limit, nothing of the redemption happened: no use taken, no attempt recorded.
    const [row] = await t.ctx.db.select({ uses: magicLinks.uses }).from(magicLinks).where(eq(magicLinks.jti, link.jti));
    expect(row.uses).toBe(3);
    expect(await t.ctx.db.select({ outcome: linkRedemptions.outcome }).from(linkRedemptions).where(eq(linkRedemptions.jti, link.jti))).toHaveLength(3);
    t.clock.advance(61_000);
    expect((await t.app.inject({ method: 'GET', url: link.path, headers: { host: s.host } })).statusCode).toBe(303);
    // Tokens that are no link count too (they are what a guesser sends), and so does the preview token.
    t.clock.advance(61_000);
    const garbage = [`/courses?token=not-a-token`, `/courses?token=${PREVIEW_TOKEN}`, `/login/confirm`];
    const refused: number[] = [];
    for (const url of garbage) {
      const confirm = url === '/login/confirm';
      const res = await t.app.inject({
        method: confirm ? 'POST' : 'GET',
        url,
        headers: { host: s.host, ...(confirm && { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }) },
        ...(confirm && { payload: 'token=nonsense' }),
      });
      refused.push(res.statusCode);
    }
    expect(refused).toEqual([400, 200, 400]);
    expect((await t.app.inject({ method: 'GET', url: link.path, headers: { host: s.host } })).statusCode).toBe(429);

    const emails: number[] = [];
    for (let i = 0; i < 3; i++) {
      emails.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/login',
            headers: { host: s.host, 'content-type': 'application/x-www-form-urlencoded' },
            payload: `email=${encodeURIComponent(s.learner.email)}`,
          })
        ).statusCode,
      );
    }
    expect(emails).toEqual([200, 200, 429]);
    await settleAfterReplyWork(t.ctx);
    expect((await listOutbox(t.ctx.db, s.site.id)).length).toBe(2);
  });
});
