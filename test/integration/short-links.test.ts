/**
 * Short links ({member site}/l/{code}): SMS sends them by default, a send may choose either form,
 * and a short link is redeemed through exactly the long link's checks — session and 303, confirm by
 * POST for single-use links, revocation, expiry, the per-IP rate limit, failure pages and the link
 * inspector. Only the code's SHA-256 is stored, on the link's own row.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countSmsSegments, SHORT_LINK_CODE_LENGTH } from '../../src/template/index.ts';
import { linkRedemptions, magicLinks } from '../../server/db/schema.ts';
import { MagicLinkMinter } from '../../server/links/mint-magic-link.ts';
import { PREVIEW_SHORT_CODE } from '../../server/links/short-links.ts';
import { findSiteByRef, type Site } from '../../server/sites/site-repository.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createMemberSite, type MemberSiteFixture } from '../support/member-fixtures.ts';
import { cookiePair } from '../support/cookies.ts';
import { mergeField, paragraph, textNode } from '../support/documents.ts';
import { apiOk, createContact, createTemplate, createWorkflow } from '../support/fixtures.ts';
import { waitFor } from '../support/polling.ts';
import { waitForSend } from './delivery-support.ts';

const DAY = 86_400_000;
const SHORT_URL = new RegExp(`http://[a-z0-9-]+\\.localhost:3000/l/[A-Za-z0-9_-]{${SHORT_LINK_CODE_LENGTH}}`);

/** "Hi {first name}, log in: {link}" — the example message. */
const LOGIN_SMS = {
  body: {
    type: 'doc',
    content: [
      paragraph(textNode('Hi '), mergeField('contact.first_name'), textNode(', log in: '), mergeField('magic_link.courses')),
    ],
  },
};

const LOGIN_EMAIL = {
  subject: 'Your courses',
  previewText: '',
  body: { type: 'doc', content: [{ type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } }] },
};

describe.each(TEST_DRIVERS)('short links on %s', (driver) => {
  let t: TestApp;
  let s: MemberSiteFixture;
  let other: MemberSiteFixture;
  // Each test from its own client address, so one test's redemptions never use up another's per-IP limit.
  let address = 10;
  let ip = '';
  const get = (path: string, cookie?: string, host = s.host) =>
    t.app.inject({ method: 'GET', url: path, headers: { host, ...(cookie && { cookie }) }, remoteAddress: ip });
  const post = (path: string, form: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: path,
      headers: { host: s.host, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
      remoteAddress: ip,
    });
  const inspect = (url: string) => apiOk(t, 'GET', `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(url)}`);
  const rowOf = async (jti: string) => (await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.jti, jti)))[0];

  /** A short link minted and recorded as the send pipeline does. */
  async function mintShort(site: Site, subjectId: string, destination: string) {
    const fresh = (await findSiteByRef(t.ctx.db, site.id))!;
    const minter = new MagicLinkMinter(t.ctx.db, t.ctx.keyRing, t.config);
    const link = await minter.mint({ site: fresh, kind: 'learner', subjectId, destination, channel: 'sms', sentBy: 'test', shortLink: true, now: t.clock.now });
    await minter.flush();
    const url = new URL(link.url);
    return { url: link.url, path: url.pathname, code: url.pathname.slice('/l/'.length), jti: link.jti };
  }

  /** The outbox's latest message to a contact (owners see live links). */
  const latestTo = async (siteId: string, contactId: string) =>
    (await apiOk(t, 'GET', `/api/sites/${siteId}/outbox?contactId=${contactId}&limit=1`)).messages[0];

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createMemberSite(t, `short-${driver}`);
    other = await createMemberSite(t, `other-short-${driver}`);
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}/contacts/${s.learner.id}`, { phone: '+14155550101' });
  });
  beforeEach(() => {
    ip = `127.0.1.${address++}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends an SMS with a short link through the outbox; following it logs the member in', async () => {
    const sent = await t.api('POST', `/api/sites/${s.site.id}/messages`, { document: LOGIN_SMS, channel: 'sms', recipients: { contactIds: [s.learner.id] } });
    expect(sent.statusCode, sent.body).toBe(202);
    expect((await waitForSend(t, s.site.id, sent.json().id)).counts.sent).toBe(1);
    const sms = await latestTo(s.site.id, s.learner.id);
    expect(sms.text).toMatch(new RegExp(`^Hi Lena, log in: ${SHORT_URL.source}$`));
    expect(countSmsSegments(sms.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });

    const shortUrl = new URL(sms.text.split('log in: ')[1]);
    const code = shortUrl.pathname.slice('/l/'.length);
    // Only the code's hash is stored, on the link's own row (the one minted for this recipient).
    const [row] = await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.messageId, sent.json().id));
    expect(row).toMatchObject({ subjectId: s.learner.id, destination: 'courses', channel: 'sms' });
    expect(row.shortCodeHash).toBe(createHash('sha256').update(code).digest('base64url'));
    expect(JSON.stringify(row)).not.toContain(code);

    const login = await get(shortUrl.pathname);
    expect(login.statusCode, login.body).toBe(303);
    expect(login.headers.location).toBe('/courses');
    expect(login.headers['referrer-policy']).toBe('no-referrer');
    const cookie = cookiePair(login, 'ml_member')!;
    expect(cookie).toBeDefined();
    expect((await get('/courses', cookie)).body).toContain(s.course.title);
    expect((await rowOf(row.jti)).uses).toBe(1);

    // The contact's thread shows the SMS as sent, its short link masked like a long link's token.
    const thread = await apiOk(t, 'GET', `/api/sites/${s.site.id}/conversations/${s.learner.id}?limit=50`);
    const item = thread.items.find((i: { messageId?: string }) => i.messageId === sent.json().id);
    expect(item.text).toBe(`Hi Lena, log in: http://${s.host}/l/•••`);
    expect(JSON.stringify(thread)).not.toContain(code);
    // An agent reading the outbox gets it masked too; the owner (above) saw it live.
    const { key } = await apiOk(t, 'POST', `/api/sites/${s.site.id}/api-keys`, { name: 'helpdesk', role: 'agent' });
    const asAgent = await t.app.inject({ method: 'GET', url: `/api/sites/${s.site.id}/outbox?contactId=${s.learner.id}&limit=1`, headers: { authorization: `Bearer ${key}` } });
    expect(asAgent.statusCode, asAgent.body).toBe(200);
    expect(asAgent.json().messages[0].text).toBe(`Hi Lena, log in: http://${s.host}/l/•••`);
    expect(asAgent.body).not.toContain(code);
  });

  it('lets a send choose: full links in an SMS, short links in an email (whose default is full)', async () => {
    const fullSms = await t.api('POST', `/api/sites/${s.site.id}/messages`, {
      document: LOGIN_SMS,
      channel: 'sms',
      recipients: { contactIds: [s.learner.id] },
      linkPolicy: { shortLinks: false },
    });
    expect(fullSms.statusCode, fullSms.body).toBe(202);
    expect(fullSms.json().linkPolicy).toEqual({ shortLinks: false });
    await waitForSend(t, s.site.id, fullSms.json().id);
    expect((await latestTo(s.site.id, s.learner.id)).text).toMatch(/log in: http:\/\/short-\w+\.localhost:3000\/courses\?token=ey[\w-]+\.[\w-]+\.[\w-]+$/);

    const defaultEmail = await t.api('POST', `/api/sites/${s.site.id}/messages`, { document: LOGIN_EMAIL, channel: 'email', recipients: { contactIds: [s.learner.id] } });
    expect(defaultEmail.statusCode, defaultEmail.body).toBe(202);
    await waitForSend(t, s.site.id, defaultEmail.json().id);
    expect((await latestTo(s.site.id, s.learner.id)).html).toMatch(/href="http:\/\/short-\w+\.localhost:3000\/courses\?token=ey/);

    const shortEmail = await apiOk(t, 'POST', `/api/sites/${s.site.id}/messages`, {
      document: LOGIN_EMAIL,
      channel: 'email',
      recipients: { contactIds: [s.learner.id] },
      linkPolicy: { shortLinks: true },
    });
    await waitForSend(t, s.site.id, shortEmail.id);
    const mail = await latestTo(s.site.id, s.learner.id);
    const href = mail.html.match(new RegExp(`href="(${SHORT_URL.source})"`))?.[1];
    expect(href, mail.html).toBeDefined();
    expect(mail.text).toContain(href);
    expect((await get(new URL(href!).pathname)).statusCode).toBe(303);

    const bad = await t.api('POST', `/api/sites/${s.site.id}/messages`, {
      document: LOGIN_SMS,
      channel: 'sms',
      recipients: { contactIds: [s.learner.id] },
      linkPolicy: { shortLinks: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('linkPolicy.shortLinks');
  });

  it('confirms a single-use short link with a POST; GET and HEAD never use it', async () => {
    await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: 1 } });
    try {
      const link = await mintShort(s.site, s.learner.id, 'courses');
      expect((await t.app.inject({ method: 'HEAD', url: link.path, headers: { host: s.host }, remoteAddress: ip })).statusCode).toBe(200);
      const page = await get(link.path);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('This login link works once');
      expect(page.body).toContain('action="/login/confirm"');
      expect(page.body).not.toMatch(/<script/i);
      expect(cookiePair(page, 'ml_member')).toBeUndefined();
      await get(link.path);
      expect((await rowOf(link.jti)).uses).toBe(0);

      const token = page.body.match(/name="token" value="([^"]+)"/)![1];
      const confirmed = await post('/login/confirm', { token });
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe('/courses');
      expect(cookiePair(confirmed, 'ml_member')).toBeDefined();
      expect((await rowOf(link.jti)).uses).toBe(1);

      const again = await get(link.path);
      expect(again.statusCode).toBe(403);
      expect(again.body).toContain('This link can&#39;t be used');
    } finally {
      await apiOk(t, 'PATCH', `/api/sites/${s.site.id}`, { linkPolicy: { maxUses: null } });
    }
  });

  it('refuses a revoked short link, and an expired one offers a fresh link like the long one', async () => {
    const revoked = await mintShort(s.site, s.learner.id, '');
    t.clock.advance(1000);
    expect((await t.api('POST', `/api/sites/${s.site.id}/contacts/${s.learner.id}/links/revoke`)).statusCode).toBe(200);
    const refused = await get(revoked.path);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This link can&#39;t be used');
    expect(cookiePair(refused, 'ml_member')).toBeUndefined();
    expect((await inspect(revoked.url)).verdict).toBe('revoked');

    t.clock.advance(1000);
    const expiring = await mintShort(s.site, s.learner.id, 'courses');
    t.clock.advance(8 * DAY);
    try {
      const expired = await get(expiring.path);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('This link has expired');
      expect(expired.body).toContain('action="/resend"');
      expect((await inspect(expiring.url)).verdict).toBe('expired');
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it('answers unknown, malformed and other sites’ codes with the failure page, recording each without the code', async () => {
    const foreign = await mintShort(other.site, other.learner.id, 'courses');
    const unknown = 'A'.repeat(SHORT_LINK_CODE_LENGTH);
    for (const path of [`/l/${unknown}`, '/l/abc', `/l/${'x'.repeat(300)}`, `/l/${unknown}/more`, '/l/', foreign.path]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(400);
      expect(res.body).toContain('This link can&#39;t be used');
      expect(res.body).toContain('action="/login"');
      expect(cookiePair(res, 'ml_member')).toBeUndefined();
    }
    const recorded = await t.ctx.db
      .select()
      .from(linkRedemptions)
      .where(and(eq(linkRedemptions.siteId, s.site.id), eq(linkRedemptions.outcome, 'invalid:unknown_short_link')));
    expect(recorded.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(recorded)).not.toContain(unknown);
    // On its own site the same code works.
    expect((await get(foreign.path, undefined, other.host)).statusCode).toBe(303);
  });

  it('counts short links, known or not, against the per-IP redemption limit', async () => {
    const link = await mintShort(s.site, s.learner.id, 'courses');
    for (let i = 0; i < t.config.rateLimits.redeemPerMinute; i++) expect((await get(`/l/${'B'.repeat(SHORT_LINK_CODE_LENGTH)}`)).statusCode).toBe(400);
    const limited = await get(link.path);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts');
    expect((await rowOf(link.jti)).uses).toBe(0);
  });

  it('shows the preview page for a preview short link, and previews SMS with short links of the real length', async () => {
    const page = await get(`/l/${PREVIEW_SHORT_CODE}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This was a preview link');
    const preview = await t.api('POST', `/api/sites/${s.site.id}/preview`, { document: LOGIN_SMS, channel: 'sms', contactId: s.learner.id });
    expect(preview.json().text).toBe(`Hi Lena, log in: http://${s.host}/l/${PREVIEW_SHORT_CODE}`);
    expect(PREVIEW_SHORT_CODE).toHaveLength(SHORT_LINK_CODE_LENGTH);
    expect(preview.json().segments).toMatchObject({ segments: 1 });
  });

  it('inspects short links like long ones, naming the link masked', async () => {
    const works = await mintShort(s.site, s.learner.id, 'courses');
    const res = await t.api('GET', `/api/sites/${s.site.id}/links/inspect?url=${encodeURIComponent(works.url)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'works', contact: { id: s.learner.id }, link: { jti: works.jti, destination: 'courses', channel: 'sms' } });
    expect(res.json().url).toBe(`http://${s.host}/l/•••`);
    expect(res.body).not.toContain(works.code);

    const outsider = await mintShort(s.site, s.outsider.id, '');
    expect((await inspect(outsider.url)).verdict).toBe('no_access');
    const unknown = await inspect(`http://${s.host}/l/${'C'.repeat(SHORT_LINK_CODE_LENGTH)}`);
    expect(unknown.verdict).toBe('unknown_link');
    expect(unknown.reason).toContain('short link');
    expect((await inspect(`http://${s.host}/l/${PREVIEW_SHORT_CODE}`)).verdict).toBe('preview');
    const foreign = await mintShort(other.site, other.learner.id, 'courses');
    expect((await inspect(foreign.url)).verdict).toBe('unknown_link');
  });

  it('lets a workflow step choose short links for an email', async () => {
    const templateId = await createTemplate(t, s.site.id, 'email', LOGIN_EMAIL);
    await createWorkflow(t, s.site.id, {
      name: 'Welcome with a short link',
      trigger: { type: 'offer_access_granted', offerIds: [s.coursesOffer.id] },
      actions: [{ type: 'send_email', templateId, linkPolicy: { shortLinks: true } }],
    });
    const bo = await createContact(t, s.site.id, { email: `bo@short-${driver}.example`, firstName: 'Bo' }, s.coursesOffer.id);
    const mail = await waitFor(async () => (await latestTo(s.site.id, bo)) ?? false, { what: 'the workflow email' });
    const href = mail.html.match(new RegExp(`href="(${SHORT_URL.source})"`))?.[1];
    expect(href, mail.html).toBeDefined();
    const [row] = await t.ctx.db.select().from(magicLinks).where(and(eq(magicLinks.siteId, s.site.id), eq(magicLinks.subjectId, bo)));
    expect(row.shortCodeHash).toBe(createHash('sha256').update(new URL(href!).pathname.slice('/l/'.length)).digest('base64url'));
  });
});
