/**
 * Link policy per message: a send (or a workflow step) chooses its learner links' lifetime and use
 * limit within the site's bounds; each minted link records what it got and the token expires
 * then; leaving it out takes the site's policy; out of bounds is a 400 naming the field.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magicLinks } from '../../server/db/schema.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import type { EmailContent } from '../../src/template/index.ts';
import { createContact, createTemplate, createWorkflow } from '../support/fixtures.ts';
import { waitFor } from '../support/polling.ts';
import { createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

const HOUR = 3600;
const COURSES_EMAIL: EmailContent = {
  subject: 'Your courses',
  previewText: '',
  body: { type: 'doc', content: [{ type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } }] },
};
const SITE_TTL = 7 * 24 * HOUR;

describe.each(TEST_DRIVERS)('link policy per message on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  let contactId: string;

  const linksOfMessage = (messageId: string) => t.ctx.db.select().from(magicLinks).where(and(eq(magicLinks.siteId, s.siteId), eq(magicLinks.messageId, messageId)));
  const send = (linkPolicy?: Record<string, unknown>) =>
    t.api('POST', `/api/sites/${s.siteId}/messages`, { document: COURSES_EMAIL, channel: 'email', recipients: { contactIds: [contactId] }, ...(linkPolicy && { linkPolicy }) });
  // The token's exp counts from its whole-second iat; issuedAt keeps the exact instant.
  const lifetimeOf = (link: { issuedAt: Date; expiresAt: Date }) => link.expiresAt.getTime() / 1000 - Math.floor(link.issuedAt.getTime() / 1000);

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, `policy-${driver}`);
    const site = await t.api('PATCH', `/api/sites/${s.siteId}`, { linkPolicy: { learnerLinkTtlSeconds: SITE_TTL, maxUses: null } });
    expect(site.statusCode, site.body).toBe(200);
    contactId = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada' }, s.offerId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('mints a 48-hour single-use link for the send that asked, and the site’s for one that did not', async () => {
    const offer = await send({ lifetimeSeconds: 48 * HOUR, maxUses: 1 });
    expect(offer.statusCode, offer.body).toBe(202);
    const done = await waitForSend(t, s.siteId, offer.json().id);
    expect(done.linkPolicy).toEqual({ lifetimeSeconds: 48 * HOUR, maxUses: 1 });
    const [offerLink] = await linksOfMessage(offer.json().id);
    expect(lifetimeOf(offerLink)).toBe(48 * HOUR);
    expect(offerLink.maxUses).toBe(1);

    const welcome = await send();
    const plain = await waitForSend(t, s.siteId, welcome.json().id);
    expect(plain.linkPolicy).toBeNull();
    const [welcomeLink] = await linksOfMessage(welcome.json().id);
    expect(lifetimeOf(welcomeLink)).toBe(SITE_TTL);
    expect(welcomeLink.maxUses).toBeNull();

    // Only the use limit chosen: the lifetime stays the site's.
    const usesOnly = await send({ maxUses: 3 });
    await waitForSend(t, s.siteId, usesOnly.json().id);
    const [usesLink] = await linksOfMessage(usesOnly.json().id);
    expect([lifetimeOf(usesLink), usesLink.maxUses]).toEqual([SITE_TTL, 3]);
  });

  it('refuses a policy outside the site’s bounds, naming the field', async () => {
    const tooLong = await send({ lifetimeSeconds: 31 * 24 * HOUR });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ field: 'linkPolicy.lifetimeSeconds', message: expect.stringContaining('30 days') });
    const zeroUses = await send({ maxUses: 0 });
    expect(zeroUses.json().error.field).toBe('linkPolicy.maxUses');
    const unknown = await send({ lifetime: 60 });
    expect(unknown.statusCode).toBe(400);
  });

  it('a workflow step sends with its own policy', async () => {
    const templateId = await createTemplate(t, s.siteId, 'email', COURSES_EMAIL);
    await createWorkflow(t, s.siteId, {
      name: 'Welcome, 2-hour link',
      trigger: { type: 'offer_access_granted', offerIds: [] },
      actions: [{ type: 'send_email', templateId, linkPolicy: { lifetimeSeconds: 2 * HOUR } }],
    });
    const bo = await createContact(t, s.siteId, { email: 'bo@example.com', firstName: 'Bo' }, s.offerId);
    const [link] = await waitFor(async () => {
      const rows = await t.ctx.db.select().from(magicLinks).where(and(eq(magicLinks.siteId, s.siteId), eq(magicLinks.subjectId, bo)));
      return rows.length > 0 && rows;
    }, { what: 'the workflow link' });
    expect(link.sentBy).toBe(`message:${link.messageId}`);
    expect(lifetimeOf(link)).toBe(2 * HOUR);
  });
});
