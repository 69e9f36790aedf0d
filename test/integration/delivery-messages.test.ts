/**
 * Templates, previews and sends through the embedded outbox, on both drivers: validation naming
 * the path, compiled once per version, preview links that mint nothing, skip reasons, the outbox's
 * raw MIME with unsubscribe headers, and one-click unsubscribe.
 */
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import { PREVIEW_SHORT_CODE } from '../../server/links/short-links.ts';
import { MISSING_UNSUBSCRIBE_WARNING } from '../../src/template/send-warnings.ts';
import { magicLinks, outboxMessages } from '../../server/db/schema.ts';
import { compiledCache, templateCacheKey } from '../../server/render/compiled-cache.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { LINK_SMS, NEWS_EMAIL, WELCOME_EMAIL, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

describe.each(TEST_DRIVERS)('templates, previews and sends on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  let ada: string;
  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, 'delivery');
    ada = await createContact(t, s.siteId, { email: 'ada@example.com', phone: '+14155550101', firstName: 'Ada', customFields: { plan: 'gold' } }, s.offerId);
  });
  afterAll(async () => {
    await t?.close();
  });
  /** Links minted for the site so far: a preview must add none (other tests' sends add theirs). */
  const linksOfSite = async () => (await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.siteId, s.siteId))).length;

  it('stores a template, compiles it once per version and lists it in the OpenAPI document', async () => {
    const created = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Welcome', channel: 'email', content: WELCOME_EMAIL });
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({ name: 'Welcome', channel: 'email', version: 1, linkKeys: ['magic_link.courses'], warnings: [MISSING_UNSUBSCRIBE_WARNING] });
    expect(compiledCache.has(templateCacheKey(template.id, 1))).toBe(true);

    const renamed = await t.api('PATCH', `/api/sites/${s.siteId}/templates/${template.id}`, { name: 'Welcome!' });
    expect(renamed.json()).toMatchObject({ name: 'Welcome!', version: 1 });
    const edited = await t.api('PATCH', `/api/sites/${s.siteId}/templates/${template.id}`, { content: NEWS_EMAIL });
    expect(edited.json()).toMatchObject({ version: 2, linkKeys: [] });
    expect(compiledCache.has(templateCacheKey(template.id, 2))).toBe(true);

    // Listed by channel: this email template is there, no SMS template is (other tests add their own).
    const listed = await t.api('GET', `/api/sites/${s.siteId}/templates?channel=email`);
    expect(listed.json().templates.map((x: { id: string }) => x.id)).toContain(template.id);
    const smsOnly = await t.api('GET', `/api/sites/${s.siteId}/templates?channel=sms`);
    expect(smsOnly.json().templates.every((x: { channel: string }) => x.channel === 'sms')).toBe(true);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/sites/{siteId}/templates', '/api/sites/{siteId}/preview', '/api/sites/{siteId}/messages', '/api/sites/{siteId}/outbox']) {
      expect(Object.keys(openapi.paths)).toContain(path);
    }
  });

  it('rejects an unknown custom value with 400 naming its path and the value; known custom fields pass', async () => {
    const content = { ...NEWS_EMAIL, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Size {{contact.custom.shoe_size}}' }] }] } };
    const bad = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Bad', channel: 'email', content });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_template', field: 'content.body.content[0].content[0]' });
    expect(bad.json().error.message).toContain('{{contact.custom.shoe_size}}');
    // `plan` is a custom field Ada has, so the site knows it.
    const ok = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Plan', channel: 'email', content: WELCOME_EMAIL });
    expect(ok.statusCode).toBe(201);
    const noSubject = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'email', content: { ...NEWS_EMAIL, subject: '' } });
    expect(noSubject.json().error.field).toBe('content.subject');
    const heading = { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Big' }] };
    const badSms = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'sms', content: { body: { type: 'doc', content: [heading] } } });
    expect(badSms.statusCode).toBe(400);
    expect(badSms.json().error).toMatchObject({ field: 'content.body.content[0]', message: expect.stringContaining('An SMS cannot contain a heading') });
    const noName = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: ' ', channel: 'sms', content: LINK_SMS });
    expect(noName.json().error.field).toBe('name');
  });

  it('words every issue for the person writing the email: the path is in field, never in the message', async () => {
    const image = { type: 'image', attrs: { src: 'ftp://files.example/logo.png', alt: 'Logo' } };
    const content = { ...NEWS_EMAIL, subject: ' ', body: { type: 'doc', content: [image, { type: 'button', attrs: { href: '', label: 'Go' } }] } };
    const refused = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'x', channel: 'email', content });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error).toMatchObject({ code: 'invalid_template', field: 'content.subject', message: 'Add a subject' });
    expect(error.issues).toEqual([
      { field: 'content.subject', message: 'Add a subject' },
      { field: 'content.body.content[0].attrs.src', message: 'This image needs an https address (https://…)' },
      { field: 'content.body.content[1].attrs.href', message: 'This button has no address: add where it leads' },
    ]);
    for (const issue of error.issues) expect(issue.message).not.toMatch(/content\.|body\.|attrs|\[\d+\]/);
  });

  it('previews what a contact would receive with preview links, minting nothing', async () => {
    const linksBefore = await linksOfSite();
    const res = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: WELCOME_EMAIL, channel: 'email', contactId: ada });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.subject).toBe('Welcome, Ada!');
    expect(preview.html).toContain('Hello Ada,');
    expect(preview.html).toContain('href="http://delivery.localhost:3000/courses?token=preview"');
    expect(preview.text).toContain('Open my courses: http://delivery.localhost:3000/courses?token=preview');
    expect(preview.text).toContain('Your plan: gold');
    const sms = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: LINK_SMS, channel: 'sms', contactId: ada });
    expect(sms.json()).toMatchObject({
      channel: 'sms',
      // SMS sends short links: the preview's is as long as a real one, and logs no one in.
      text: `Hi Ada, your courses: http://delivery.localhost:3000/l/${PREVIEW_SHORT_CODE}`,
      segments: { encoding: 'GSM-7', segments: 1 },
    });
    expect(await linksOfSite()).toBe(linksBefore);
    const missing = await t.api('POST', `/api/sites/${s.siteId}/preview`, { channel: 'email', contactId: ada });
    expect(missing.json().error.field).toBe('document');
  });

  it('previews with the catalog\'s sample values when no contact is given ("Use sample data"), minting nothing', async () => {
    const linksBefore = await linksOfSite();
    const bySample = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'For {{contact.last_name}} <{{contact.email}}> on {{offer.title}}: {{magic_link.courses}}' }] }] };
    const sms = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: { body: bySample }, channel: 'sms', contactId: null });
    expect(sms.statusCode, sms.body).toBe(200);
    expect(sms.json().text).toBe(`For Lovelace <ada@example.com> on Engines 101: http://delivery.localhost:3000/l/${PREVIEW_SHORT_CODE}`);
    const email = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: WELCOME_EMAIL, channel: 'email' });
    expect(email.statusCode, email.body).toBe(200);
    expect(email.json().subject).toBe('Welcome, Ada!');
    // The site's own values; a custom field without a sample falls back to the template's default.
    expect(email.json().text).toContain('Your plan: none');
    expect(email.json().html).toContain('href="http://delivery.localhost:3000/courses?token=preview"');
    expect(await linksOfSite()).toBe(linksBefore);
  });

  it('sends through the outbox, skipping with reasons: no email, unsubscribed, no active offer', async () => {
    // Her own contact, so the outbox holds only this test's email to her, whichever test ran before.
    const ada = await createContact(t, s.siteId, { email: 'ada.skips@example.com', firstName: 'Ada' }, s.offerId);
    const noEmail = await createContact(t, s.siteId, { phone: '+14155550102', firstName: 'Phone' }, s.offerId);
    const unsubscribed = await createContact(t, s.siteId, { email: 'gone@example.com', firstName: 'Gone' }, s.offerId);
    await apiOk(t, 'PATCH', `/api/sites/${s.siteId}/contacts/${unsubscribed}`, { unsubscribed: true });
    const noOffer = await createContact(t, s.siteId, { email: 'nooffer@example.com', firstName: 'Nobody' });
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, {
      document: WELCOME_EMAIL,
      channel: 'email',
      recipients: { contactIds: [ada, noEmail, unsubscribed, noOffer] },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const done = await waitForSend(t, s.siteId, sent.json().id);
    expect(done.counts).toEqual({ total: 4, queued: 0, sending: 0, sent: 1, failed: 0, skipped: 3 });
    const outcome = Object.fromEntries(done.recipients.map((r: { contactId: string }) => [r.contactId, r]));
    expect(outcome[ada]).toMatchObject({ status: 'sent', reason: null });
    expect(outcome[noEmail]).toMatchObject({ status: 'skipped', reason: 'no email address' });
    expect(outcome[unsubscribed]).toMatchObject({ status: 'skipped', reason: 'unsubscribed' });
    expect(outcome[noOffer]).toMatchObject({ status: 'skipped', reason: 'no active offer (the message carries a learner link)' });

    const outbox = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${ada}`)).messages;
    expect(outbox).toHaveLength(1);
    const [mail] = outbox;
    expect(mail).toMatchObject({ channel: 'email', recipient: 'ada.skips@example.com', subject: 'Welcome, Ada!' });
    expect(mail.html).toMatch(/href="http:\/\/delivery\.localhost:3000\/courses\?token=[\w-]+\.[\w-]+\.[\w-]+"/);
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const parsed = await simpleParser(mail.raw);
    expect(parsed.from?.text).toBe('"Acme Academy" <help@delivery.example>');
    expect(parsed.text).toContain('Hello Ada,');
    expect(parsed.html).toContain('Hello Ada,');
    expect(parsed.messageId).toBe(`<${sent.json().id}.${ada}@delivery.example>`);
    const links = await t.ctx.db.select().from(magicLinks).where(eq(magicLinks.messageId, sent.json().id));
    expect(links).toMatchObject([{ subjectId: ada, destination: 'courses', channel: 'email', sentBy: `message:${sent.json().id}` }]);

    // Stored once (html and text, not again inside a raw MIME), the MIME built on read: the same
    // bytes on every read, its Date and Message-ID those stored when it was sent.
    const [stored] = await t.ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, mail.id));
    expect(stored.raw).toBeNull();
    expect(stored.headers).toMatchObject({ from: '"Acme Academy" <help@delivery.example>', messageId: parsed.messageId });
    expect(parsed.date?.getTime()).toBe(Math.floor(new Date(String(stored.headers!.date)).getTime() / 1000) * 1000);
    const [again] = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${ada}`)).messages;
    expect(again.raw).toBe(mail.raw);
  });

  it('sends SMS to the outbox, and a news email to an offer\'s holders without needing links', async () => {
    const sms = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: LINK_SMS, channel: 'sms', recipients: { contactIds: [ada] } });
    expect((await waitForSend(t, s.siteId, sms.id)).counts.sent).toBe(1);
    const [stored] = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${ada}&limit=1`)).messages;
    expect(stored).toMatchObject({ channel: 'sms', recipient: '+14155550101', subject: null });
    expect(stored.text).toMatch(/^Hi Ada, your courses: http:\/\/delivery\.localhost:3000\/l\/[\w-]{22}$/);

    // An offer of this test's own, held by a reader, a phone-only contact and an unsubscribed one.
    const club = await t.api('POST', `/api/sites/${s.siteId}/offers`, { title: 'Reading club' });
    expect(club.statusCode, club.body).toBe(201);
    const clubId = club.json().id;
    await createContact(t, s.siteId, { email: 'reader@example.com', firstName: 'Reader' }, clubId);
    await createContact(t, s.siteId, { phone: '+14155550119', firstName: 'Texter' }, clubId);
    const left = await createContact(t, s.siteId, { email: 'left@example.com', firstName: 'Left' }, clubId);
    expect((await t.api('PATCH', `/api/sites/${s.siteId}/contacts/${left}`, { unsubscribed: true })).statusCode).toBe(200);
    const news = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { offerId: clubId } });
    const done = await waitForSend(t, s.siteId, news.id);
    // The reader gets it; the phone-only and the unsubscribed holders are skipped.
    expect(done.counts).toMatchObject({ total: 3, sent: 1, skipped: 2 });
  });

  it('streams progress as server-sent events, ending with done', async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    const res = await t.api('GET', `/api/sites/${s.siteId}/messages/${sent.id}/events`);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.body.trim().split('\n\n');
    expect(events.at(-1)).toMatch(/^event: done\ndata: \{"status":"completed"/);
    expect(events[0]).toMatch(/^event: progress\ndata: /);
  });

  it('rejects bad sends naming the field', async () => {
    const foreign = await t.api('POST', `/api/sites/${s.siteId}/messages`, {
      document: NEWS_EMAIL,
      channel: 'email',
      recipients: { contactIds: [ada, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.field).toBe('recipients.contactIds.1');
    const offerTitle = await t.api('POST', `/api/sites/${s.siteId}/messages`, {
      document: { ...NEWS_EMAIL, subject: 'About {{offer.title}}' },
      channel: 'email',
      recipients: { all: true },
    });
    expect(offerTitle.statusCode).toBe(400);
    expect(offerTitle.json().error.field).toBe('document.subject');
    const both = await t.api('POST', `/api/sites/${s.siteId}/messages`, { channel: 'email', recipients: { all: true } });
    expect(both.json().error.field).toBe('document');
  });

  it('unsubscribes with one click from the List-Unsubscribe URL; GET only asks', async () => {
    const bob = await createContact(t, s.siteId, { email: 'bob@example.com', firstName: 'Bob' });
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds: [bob] } });
    await waitForSend(t, s.siteId, sent.id);
    const [mail] = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${bob}`)).messages;
    const parsed = await simpleParser(mail.raw);
    const header = parsed.headerLines.find((line) => line.key === 'list-unsubscribe')!.line;
    const url = new URL(/<([^>]+)>/.exec(header)![1]);
    const page = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post">');
    expect((await apiOk(t, 'GET', `/api/sites/${s.siteId}/contacts/${bob}`)).unsubscribed).toBe(false);
    const click = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(click.statusCode).toBe(200);
    expect((await apiOk(t, 'GET', `/api/sites/${s.siteId}/contacts/${bob}`)).unsubscribed).toBe(true);
    const forged = await t.app.inject({ method: 'POST', url: url.pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(forged.statusCode).toBe(404);
  });
});
