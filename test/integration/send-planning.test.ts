/**
 * Sending a template, on both drivers: the estimate counts recipients and skips by reason with the
 * send's own rules (and agrees with the send), progress lists skipped and failed recipients with
 * their reasons, page by page, a template's history lists its sends, and "Send a test to me"
 * emails the signed-in staff member the contact's values with preview links only.
 */
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import { createApiKey } from '../../server/auth/api-keys.ts';
import { openSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { magicLinks, staffUsers } from '../../server/db/schema.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { storedEmailMime } from '../../server/channels/email/outbox-email-transport.ts';
import { SKIP_REASONS } from '../../server/messages/recipient-skip.ts';
import { channelModule } from '../../server/channels/registry.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { LINK_SMS, NEWS_EMAIL, WELCOME_EMAIL, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

/** A live magic-link token (a JWS) anywhere in a text. */
const LIVE_TOKEN = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const ORIGIN = 'http://localhost:3000';

describe.each(TEST_DRIVERS)('send estimate, outcomes, history and test sends on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  let ada: string;
  let bob: string;
  let templateId: string;
  let staffId: string;
  let staffCookie: string;

  const asStaff = (method: InjectOptions['method'], url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: `${SESSION_COOKIE.staff}=${staffCookie}`, origin: ORIGIN, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
  const site = (path: string) => `/api/sites/${s.siteId}${path}`;
  /** A template of the welcome email of its own, so a test's history holds only its own sends. */
  const newTemplate = async (name: string) => {
    const created = await t.api('POST', site('/templates'), { name, channel: 'email', content: WELCOME_EMAIL });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  /** A staff member's send of a template to every contact, finished. */
  const sendToEveryone = async (id: string) => {
    const sent = await asStaff('POST', site('/messages'), { templateId: id, channel: 'email', recipients: { all: true } });
    expect(sent.statusCode, sent.body).toBe(202);
    return waitForSend(t, s.siteId, sent.json().id);
  };

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, 'planning');
    ada = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', customFields: { plan: 'gold' } }, s.offerId);
    bob = await createContact(t, s.siteId, { email: 'bob@example.com', firstName: 'Bob' });
    await createContact(t, s.siteId, { phone: '+14155550102', firstName: 'Cy' });
    const dee = await createContact(t, s.siteId, { email: 'dee@example.com', firstName: 'Dee' }, s.offerId);
    expect((await t.api('PATCH', site(`/contacts/${dee}`), { unsubscribed: true })).statusCode).toBe(200);
    templateId = await newTemplate('Welcome');
    const [staff] = await t.ctx.db.insert(staffUsers).values({ siteId: s.siteId, email: 'sam@staff.example', name: 'Sam Staff', role: 'agent' }).returning();
    staffId = staff.id;
    staffCookie = (await openSession(t.ctx.db, 'staff', s.siteId, staffId, t.clock.now)).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('estimates recipients and skips by reason, and the send then skips exactly those', async () => {
    const body = { templateId, channel: 'email', recipients: { all: true } };
    const estimate = await asStaff('POST', site('/messages/estimate'), body);
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json()).toEqual({
      recipients: 4,
      willSend: 1,
      skipped: 3,
      // Equal counts: in the reasons' order.
      skippedBy: [SKIP_REASONS.noOffer, channelModule('email').noAddressReason, SKIP_REASONS.unsubscribed].sort().map((reason) => ({ reason, count: 1 })),
    });
    // Without a learner link, holding an offer does not matter.
    const news = await t.api('POST', site('/messages/estimate'), { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    expect(news.json()).toMatchObject({ recipients: 4, willSend: 2, skipped: 2 });
    expect(news.json().skippedBy.map((r: { reason: string }) => r.reason)).not.toContain('no active offer (the message carries a learner link)');

    const sent = await asStaff('POST', site('/messages'), body);
    expect(sent.statusCode, sent.body).toBe(202);
    const detail = await waitForSend(t, s.siteId, sent.json().id);
    expect(detail.counts).toMatchObject({ total: 4, sent: 1, skipped: 3, failed: 0 });
    const outcomes = detail.outcomes.map(({ reason, count }: { reason: string; count: number }) => ({ reason, count }));
    expect(outcomes.sort((a: { reason: string }, b: { reason: string }) => a.reason.localeCompare(b.reason))).toEqual(
      [...estimate.json().skippedBy].sort((a: { reason: string }, b: { reason: string }) => a.reason.localeCompare(b.reason)),
    );
    expect(detail.outcomes.every((o: { status: string }) => o.status === 'skipped')).toBe(true);
  });

  it('names a contact the site does not have, as the send does, and needs a body a send would accept', async () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    const res = await t.api('POST', site('/messages/estimate'), { templateId, channel: 'email', recipients: { contactIds: [ada, stranger] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'recipients.contactIds.1', message: expect.stringContaining(stranger) });
    const wrongChannel = await t.api('POST', site('/messages/estimate'), { templateId, channel: 'sms', recipients: { all: true } });
    expect(wrongChannel.json().error.field).toBe('channel');
    const sendsBefore = (await apiOk(t, 'GET', site(`/templates/${templateId}/sends`))).page.total;
    const one = await t.api('POST', site('/messages/estimate'), { templateId, channel: 'email', recipients: { contactIds: [ada, ada, bob] } });
    expect(one.json()).toMatchObject({ recipients: 2, willSend: 1, skipped: 1 });
    // Nothing was sent or recorded by estimating.
    expect((await apiOk(t, 'GET', site(`/templates/${templateId}/sends`))).page.total).toBe(sendsBefore);
  });

  it('lists skipped recipients with their reasons and names, a page at a time', async () => {
    const sent = await sendToEveryone(await newTemplate('Welcome, paged'));
    const first = await t.api('GET', site(`/messages/${sent.id}?status=skipped&limit=2`));
    expect(first.json().page).toEqual({ limit: 2, offset: 0, total: 3 });
    const second = await apiOk(t, 'GET', site(`/messages/${sent.id}?status=skipped&limit=2&offset=2`));
    const rows = [...first.json().recipients, ...second.recipients];
    expect(rows).toHaveLength(3);
    const byName = Object.fromEntries(rows.map((r: { contact: { firstName: string }; reason: string }) => [r.contact.firstName, r.reason]));
    expect(byName).toEqual({ Bob: SKIP_REASONS.noOffer, Cy: channelModule('email').noAddressReason, Dee: SKIP_REASONS.unsubscribed });
    expect(rows.every((r: { status: string }) => r.status === 'skipped')).toBe(true);
  });

  it("keeps each template's history: when, by whom, to whom, with counts, newest first", async () => {
    const templateId = await newTemplate('Welcome, with history');
    await sendToEveryone(templateId);
    // Each send a moment later (the test clock stands still otherwise).
    t.clock.advance(1000);
    const offerSend = await apiOk(t, 'POST', site('/messages'), { templateId, channel: 'email', recipients: { offerId: s.offerId } });
    await waitForSend(t, s.siteId, offerSend.id);
    t.clock.advance(1000);
    const chosen = await asStaff('POST', site('/messages'), { templateId, channel: 'email', recipients: { contactIds: [ada, bob] } });
    await waitForSend(t, s.siteId, chosen.json().id);
    // Another template's sends are not in this one's history.
    const other = await apiOk(t, 'POST', site('/templates'), { name: 'News', channel: 'email', content: NEWS_EMAIL });
    await apiOk(t, 'POST', site('/messages'), { templateId: other.id, channel: 'email', recipients: { all: true } });

    const history = await t.api('GET', site(`/templates/${templateId}/sends?limit=2`));
    expect(history.statusCode, history.body).toBe(200);
    const { sends, page } = history.json();
    expect(page).toEqual({ limit: 2, offset: 0, total: 3 });
    expect(sends[0]).toMatchObject({
      id: chosen.json().id,
      status: 'completed',
      sentBy: { kind: 'staff', id: staffId, name: 'Sam Staff' },
      audience: { kind: 'contacts', count: 2 },
      counts: { total: 2, sent: 1, skipped: 1, failed: 0 },
    });
    expect(sends[1]).toMatchObject({
      id: offerSend.id,
      sentBy: { kind: 'operator', name: 'Operator' },
      audience: { kind: 'offer', offerId: s.offerId, title: 'Engines 101' },
      counts: { total: 2, sent: 1, skipped: 1 },
    });
    const older = await apiOk(t, 'GET', site(`/templates/${templateId}/sends?limit=2&offset=2`));
    expect(older.sends).toHaveLength(1);
    expect(older.sends[0]).toMatchObject({ audience: { kind: 'all' }, sentBy: { kind: 'staff', name: 'Sam Staff' }, counts: { total: 4, sent: 1, skipped: 3 } });
    expect((await t.api('GET', site('/templates/00000000-0000-4000-8000-000000000000/sends'))).statusCode).toBe(404);
  });

  it('sends a test to the signed-in staff member with the contact\'s values and preview links only', async () => {
    const linksBefore = (await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.siteId, s.siteId))).length;
    const res = await asStaff('POST', site('/messages/test'), { templateId, contactId: ada });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ to: 'sam@staff.example', subject: '[Test] Welcome, Ada!' });

    const mail = (await listOutbox(t.ctx.db, s.siteId, { limit: 500 })).find((m) => m.recipient === 'sam@staff.example')!;
    expect(mail).toBeDefined();
    expect(mail.subject).toBe('[Test] Welcome, Ada!');
    expect(mail.contactId).toBeNull();
    for (const part of [mail.html!, mail.text, (await storedEmailMime(mail))!]) expect(part).not.toMatch(LIVE_TOKEN);
    expect(mail.html).toContain('Hello Ada,');
    expect(mail.text).toContain('Your plan: gold');
    expect(mail.html).toContain('href="http://planning.localhost:3000/courses?token=preview"');
    // No token was minted for anyone, and Ada's thread does not show the test.
    expect((await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.siteId, s.siteId))).length).toBe(linksBefore);
    expect((await listOutbox(t.ctx.db, s.siteId, { contactId: ada, limit: 500 })).some((m) => m.subject?.startsWith('[Test]'))).toBe(false);

    const sms = await asStaff('POST', site('/messages/test'), { document: LINK_SMS, channel: 'sms', contactId: ada });
    expect(sms.statusCode, sms.body).toBe(200);
    expect(sms.json().subject).toBe('[Test] SMS as Ada Lovelace would get it');
    const smsMail = (await listOutbox(t.ctx.db, s.siteId, { limit: 500 })).find((m) => m.subject === sms.json().subject)!;
    expect(smsMail.text).toMatch(/^Hi Ada, your courses: http:\/\/planning\.localhost:3000\/l\/\S+$/);
    expect(await storedEmailMime(smsMail)).not.toMatch(LIVE_TOKEN);
  });

  it('refuses a test send to an API key or the operator key, saying why', async () => {
    const { key } = await createApiKey(t.ctx.db, s.siteId, 'console');
    for (const caller of [key, undefined]) {
      const res = await t.api('POST', site('/messages/test'), { templateId, contactId: ada }, caller);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'staff_only', message: expect.stringContaining('signed-in staff member') });
    }
    const unknown = await asStaff('POST', site('/messages/test'), { templateId, contactId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
  });
});
