/**
 * The footer block end to end: Site Details hold the postal address, a sent email shows it with a
 * visible unsubscribe link that is the same one-click target as its List-Unsubscribe header.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import type { EmailContent } from '../../src/template/index.ts';
import { MISSING_UNSUBSCRIBE_WARNING } from '../../src/template/send-warnings.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { NEWS_EMAIL, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

const FOOTER_EMAIL: EmailContent = {
  subject: 'News from {{site.title}}',
  previewText: '',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'New courses are out.' }] }, { type: 'footer' }] },
};

describe.each(TEST_DRIVERS)('the email footer on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  let ada: string;
  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, 'footer');
    ada = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada' }, s.offerId);
    // Every test finds the address set, whichever runs first (the first one also clears and restores it).
    expect((await t.api('PATCH', `/api/sites/${s.siteId}`, { postalAddress: '12 Engine Row, London N1 9GU' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an optional postal address in Site Details, cleared by an empty string', async () => {
    const set = await t.api('PATCH', `/api/sites/${s.siteId}`, { postalAddress: '  12 Engine Row, London N1 9GU ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ postalAddress: '12 Engine Row, London N1 9GU', detailsComplete: true });
    const tooLong = await t.api('PATCH', `/api/sites/${s.siteId}`, { postalAddress: 'x'.repeat(301) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ field: 'postalAddress', message: expect.stringContaining('at most 300 characters') });
    expect((await apiOk(t, 'PATCH', `/api/sites/${s.siteId}`, { postalAddress: '' })).postalAddress).toBeNull();
    await apiOk(t, 'PATCH', `/api/sites/${s.siteId}`, { postalAddress: '12 Engine Row, London N1 9GU' });
  });

  it('warns on a template without an unsubscribe link, not on one with the footer', async () => {
    const bare = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Bare', channel: 'email', content: NEWS_EMAIL });
    expect(bare.json().warnings).toEqual([MISSING_UNSUBSCRIBE_WARNING]);
    const footed = await t.api('POST', `/api/sites/${s.siteId}/templates`, { name: 'Footed', channel: 'email', content: FOOTER_EMAIL });
    expect(footed.statusCode, footed.body).toBe(201);
    expect(footed.json().warnings).toEqual([]);
  });

  it('previews the footer with an unsubscribe address that unsubscribes no one', async () => {
    // Her own contact: the send test unsubscribes Ada for real.
    const bea = await createContact(t, s.siteId, { email: 'bea@example.com', firstName: 'Bea' }, s.offerId);
    const preview = await t.api('POST', `/api/sites/${s.siteId}/preview`, { document: FOOTER_EMAIL, channel: 'email', contactId: bea });
    expect(preview.statusCode, preview.body).toBe(200);
    const href = preview.json().html.match(/<a href="([^"]+)"[^>]*>Unsubscribe<\/a>/)?.[1];
    expect(href).toMatch(/\/api\/unsubscribe\/preview$/);
    const tried = await t.app.inject({ method: 'POST', url: new URL(href).pathname });
    expect(tried.statusCode).not.toBe(200);
    const contact = await apiOk(t, 'GET', `/api/sites/${s.siteId}/contacts/${bea}`);
    expect(contact.unsubscribed).toBe(false);
  });

  it('sends the site name, postal address and the List-Unsubscribe target as a visible link', async () => {
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: FOOTER_EMAIL, channel: 'email', recipients: { contactIds: [ada] } });
    expect(sent.statusCode, sent.body).toBe(202);
    expect((await waitForSend(t, s.siteId, sent.json().id)).counts.sent).toBe(1);
    const [mail] = (await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox?contactId=${ada}&limit=1`)).messages;
    const parsed = await simpleParser(mail.raw);
    // The header as written on the wire (unfolded), not as a parser reinterprets it.
    const headerUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.replace(/\r?\n[ \t]+/g, ' '))?.[1];
    expect(headerUrl).toMatch(/\/api\/unsubscribe\/[\w-]+\.[\w-]+$/);
    expect(parsed.html).toContain(`<a href="${headerUrl}" target="_blank" style="color:#616e7c;text-decoration:underline">Unsubscribe</a>`);
    expect(parsed.html).toContain('>Acme Academy</p>');
    expect(parsed.html).toContain('>12 Engine Row, London N1 9GU</p>');
    expect(parsed.text).toContain(`Acme Academy\n12 Engine Row, London N1 9GU\nUnsubscribe: ${headerUrl}`);

    // The visible link is the real one: following it unsubscribes Ada.
    const followed = await t.app.inject({ method: 'POST', url: new URL(headerUrl!).pathname });
    expect(followed.statusCode).toBeLessThan(300);
    expect((await apiOk(t, 'GET', `/api/sites/${s.siteId}/contacts/${ada}`)).unsubscribed).toBe(true);
  });
});
