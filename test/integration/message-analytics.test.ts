/**
 * Analytics per message and per link: one email with two magic links (a courses button and a
 * home text link) goes to three contacts (a fourth has no email); two log in at known delays,
 * one whose offer was revoked after the send is refused. The message's row says who got it, who logged in through which link, how long after
 * the send (median and p90), and why logins were refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import type { EmailContent } from '../../src/template/index.ts';
import { listOutbox } from '../../server/delivery/outbox.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

const TWO_LINKS: EmailContent = {
  subject: 'Lesson two is up',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Go ' }, { type: 'text', text: 'home', marks: [{ type: 'link', attrs: { href: '{{magic_link.learner}}' } }] }] },
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};

describe.each(TEST_DRIVERS)('message analytics on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  const ids: Record<string, string> = {};

  /** The contact's links in what they received, by destination ('' = home). */
  async function linksOf(contactId: string): Promise<Record<string, string>> {
    const [mail] = await listOutbox(t.ctx.db, s.siteId, { contactId, limit: 1 });
    const found = [...mail.text.matchAll(/http:\/\/[\w.-]+:\d+\/(\w*)\?token=[\w.-]+/g)];
    return Object.fromEntries(found.map((m) => [m[1], new URL(m[0]).pathname + new URL(m[0]).search]));
  }
  const follow = (path: string) => t.app.inject({ method: 'GET', url: path, headers: { host: `${s.subdomain}.localhost:3000` } });

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, `analytics-${driver}`);
    ids.ada = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada' }, s.offerId);
    ids.bo = await createContact(t, s.siteId, { email: 'bo@example.com', firstName: 'Bo' }, s.offerId);
    ids.cy = await createContact(t, s.siteId, { email: 'cy@example.com', firstName: 'Cy' }, s.offerId);
    ids.noEmail = await createContact(t, s.siteId, { phone: '+14155550100', firstName: 'Di' }, s.offerId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts deliveries, members who logged in per link, time to first login and refusals', async () => {
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, {
      document: TWO_LINKS,
      channel: 'email',
      recipients: { contactIds: [ids.ada, ids.bo, ids.cy, ids.noEmail] },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const done = await waitForSend(t, s.siteId, sent.json().id);
    expect(done.counts).toMatchObject({ sent: 3, skipped: 1 });

    const [ada, bo, cy] = [await linksOf(ids.ada), await linksOf(ids.bo), await linksOf(ids.cy)];
    // Cy's access ends after the send: their click is refused for want of an offer.
    expect((await t.api('DELETE', `/api/sites/${s.siteId}/contacts/${ids.cy}/access/${s.offerId}`)).statusCode).toBeLessThan(300);
    t.clock.advance(60_000);
    expect((await follow(ada.courses)).statusCode).toBe(303);
    t.clock.advance(60_000);
    expect((await follow(bo[''])).statusCode).toBe(303);
    expect((await follow(cy.courses)).statusCode).toBe(403);
    t.clock.advance(180_000);
    expect((await follow(bo.courses)).statusCode).toBe(303);

    const res = await t.api('GET', `/api/sites/${s.siteId}/activity/messages`);
    expect(res.statusCode, res.body).toBe(200);
    const [row] = res.json().messages;
    expect(row).toMatchObject({
      id: sent.json().id,
      title: 'Lesson two is up',
      channel: 'email',
      recipients: 4,
      delivered: 3,
      skipped: 1,
      failed: 0,
      membersLoggedIn: 2,
      logins: 3,
      byLink: [
        { destination: 'courses', logins: 2, members: 2 },
        { destination: '', logins: 1, members: 1 },
      ],
      // First logins 60 s (Ada) and 120 s (Bo) after the send; Bo's later one doesn't count.
      firstLoginSeconds: { median: 90, p90: 114 },
      failures: [{ outcome: 'no_access', count: 1, label: 'Contact holds no active offer' }],
    });
  });

  it('lists the newest message first, and a message nobody used shows no logins', async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: TWO_LINKS, channel: 'email', recipients: { contactIds: [ids.ada] } });
    await waitForSend(t, s.siteId, sent.id);
    const { messages } = await apiOk(t, 'GET', `/api/sites/${s.siteId}/activity/messages?limit=1`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: sent.id, delivered: 1, membersLoggedIn: 0, logins: 0, byLink: [], firstLoginSeconds: null, failures: [] });
  });
});
