/**
 * Real SMTP: nodemailer delivers to an smtp-server on 127.0.0.1, mailparser reads what arrived.
 * The magic link in the mail is followed against the app and logs in that contact; a hostile
 * first name arrives inert; a transient 451 is retried (the retried batch re-sends nobody else)
 * and a 550 fails the recipient with the reply as its reason.
 */
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../support/fixtures.ts';
import { sessions } from '../../server/db/schema.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { WELCOME_EMAIL, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

const XSS_NAME = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

/** Parses each mail; answers 451 to the first RCPT for `flaky@…` and 550 to every RCPT for `rejected@…`. */
function startRefusingSink(): Promise<SmtpSink<ParsedMail>> {
  let flakyRefused = false;
  return startSmtpSink({
    read: async (stream) => [await simpleParser(stream)],
    onRcptTo(address, _session, callback) {
      const fail = (code: number, message: string) => callback(Object.assign(new Error(message), { responseCode: code }));
      if (address.address.startsWith('rejected@')) return fail(550, 'No such user here');
      if (address.address.startsWith('flaky@') && !flakyRefused) {
        flakyRefused = true;
        return fail(451, 'Try again later');
      }
      callback();
    },
  });
}

describe.each(TEST_DRIVERS)('email over SMTP on %s', (driver) => {
  let sink: SmtpSink<ParsedMail>;
  let t: TestApp;
  let s: SiteFixture;
  const ids: Record<string, string> = {};
  let done: { counts: Record<string, number>; recipients: Array<{ contactId: string; status: string; reason: string | null; attempts: number }> };

  beforeAll(async () => {
    sink = await startRefusingSink();
    t = await startTestApp(driver, {
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      SEND_RETRY_DELAY_SECONDS: '1',
      SEND_MAX_ATTEMPTS: '3',
      SEND_POLL_SECONDS: '0.5',
    });
    s = await createSiteFixture(t, 'smtp-site');
    ids.ada = await createContact(t, s.siteId, { email: 'ada@example.com', firstName: 'Ada', customFields: { plan: 'gold' } }, s.offerId);
    ids.mallory = await createContact(t, s.siteId, { email: 'mallory@example.com', firstName: XSS_NAME }, s.offerId);
    ids.flaky = await createContact(t, s.siteId, { email: 'flaky@example.com', firstName: 'Flo' }, s.offerId);
    ids.rejected = await createContact(t, s.siteId, { email: 'rejected@example.com', firstName: 'Rex' }, s.offerId);
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: WELCOME_EMAIL, channel: 'email', recipients: { offerId: s.offerId } });
    expect(sent.statusCode, sent.body).toBe(202);
    done = await waitForSend(t, s.siteId, sent.json().id);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const mailTo = (address: string) => {
    const mails = sink.received.filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);
    expect(mails, address).toHaveLength(1);
    return mails[0];
  };

  it('delivers multipart mail with the resolved name, a text part and the unsubscribe headers', () => {
    const mail = mailTo('ada@example.com');
    expect(mail.subject).toBe('Welcome, Ada!');
    expect(mail.from?.text).toBe('"Acme Academy" <help@smtp-site.example>');
    expect(mail.html).toContain('Hello Ada,');
    expect(mail.text).toContain('Hello Ada,');
    expect(mail.text).toContain('Your plan: gold');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]+\.[0-9a-f-]+@smtp-site\.example>$/);
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/unsubscribe\/[\w.-]+>$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('carries a magic link that logs in exactly that contact', async () => {
    const mail = mailTo('ada@example.com');
    const href = /href="(http:\/\/smtp-site\.localhost:3000\/courses\?token=[^"]+)"/.exec(mail.html as string)![1];
    expect(mail.text).toContain(href);
    const url = new URL(href);
    const res = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { host: url.host } });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/courses');
    expect(String(res.headers['set-cookie'])).toMatch(/^ml_member=/);
    const opened = await t.ctx.db.select().from(sessions).where(eq(sessions.siteId, s.siteId));
    expect(opened.map((session) => session.subjectId)).toEqual([ids.ada]);
  });

  it('delivers a hostile first name as inert text in the HTML, the text part and the subject', () => {
    const mail = mailTo('mallory@example.com');
    const html = mail.html as string;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;,');
    expect(mail.text).toContain(`Hello ${XSS_NAME},`);
    expect(mail.subject).toBe(`Welcome, ${XSS_NAME}!`);
    expect(mail.headerLines.filter((line) => line.key === 'subject')).toHaveLength(1);
  });

  it('retries a transient failure without re-sending the batch, and fails a permanent one with its reason', () => {
    const outcome = Object.fromEntries(done.recipients.map((r) => [r.contactId, r]));
    expect(outcome[ids.flaky]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(outcome[ids.rejected]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(outcome[ids.rejected].reason).toMatch(/^SMTP 550: .*No such user here/);
    expect(done.counts).toMatchObject({ total: 4, sent: 3, failed: 1, queued: 0, sending: 0 });
    // The retried batch sent only Flo again: everyone got exactly one mail.
    for (const address of ['ada@example.com', 'mallory@example.com', 'flaky@example.com']) mailTo(address);
    expect(sink.received).toHaveLength(3);
  });
});
