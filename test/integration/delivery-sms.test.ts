/**
 * SMS through the Twilio adapter against a local fake of its Messages API (127.0.0.1): form
 * fields, basic auth, the provider's sid recorded; a 400 fails the recipient with Twilio's error.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { LINK_SMS, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

interface FakeTwilio {
  port: number;
  requests: Array<{ path: string; authorization?: string; form: URLSearchParams }>;
  close(): Promise<void>;
}

async function startFakeTwilio(): Promise<FakeTwilio> {
  const requests: FakeTwilio['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, form });
      res.setHeader('content-type', 'application/json');
      if (form.get('To') === '+14155550199') {
        res.statusCode = 400;
        res.end(JSON.stringify({ code: 21211, message: "The 'To' number +14155550199 is not a valid phone number.", status: 400 }));
        return;
      }
      res.statusCode = 201;
      res.end(JSON.stringify({ sid: `SM${requests.length.toString().padStart(32, '0')}`, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(TEST_DRIVERS)('SMS through Twilio on %s', (driver) => {
  let twilio: FakeTwilio;
  let t: TestApp;
  let s: SiteFixture;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    t = await startTestApp(driver, {
      TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
      TWILIO_AUTH_TOKEN: 'test-auth-token',
      TWILIO_FROM: '+14155550000',
      TWILIO_BASE_URL: `http://127.0.0.1:${twilio.port}`,
      SEND_POLL_SECONDS: '0.5',
    });
    s = await createSiteFixture(t, 'sms-site');
  });
  afterAll(async () => {
    await t?.close();
    await twilio?.close();
  });

  it('posts each SMS to the Messages API and records the sid; a rejected number fails with Twilio\'s reason', async () => {
    const ada = await createContact(t, s.siteId, { phone: '+14155550101', firstName: 'Ada' }, s.offerId);
    const bad = await createContact(t, s.siteId, { phone: '+14155550199', firstName: 'Bad' }, s.offerId);
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: LINK_SMS, channel: 'sms', recipients: { contactIds: [ada, bad] } });
    const done = await waitForSend(t, s.siteId, sent.id);
    expect(done.counts, JSON.stringify(done)).toMatchObject({ sent: 1, failed: 1 });
    const outcome = Object.fromEntries(done.recipients.map((r: { contactId: string }) => [r.contactId, r]));
    expect(outcome[bad].reason, JSON.stringify(done)).toBe("Twilio 400 (error 21211): The 'To' number +14155550199 is not a valid phone number.");

    const toAda = twilio.requests.find((r) => r.form.get('To') === '+14155550101')!;
    expect(toAda.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    expect(toAda.authorization).toBe(`Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:test-auth-token').toString('base64')}`);
    expect(toAda.form.get('From')).toBe('+14155550000');
    expect(toAda.form.get('Body')).toMatch(/^Hi Ada, your courses: http:\/\/sms-site\.localhost:3000\/l\/[\w-]{22}$/);
    expect(twilio.requests).toHaveLength(2);
    // Nothing went to the outbox: the provider is the transport.
    expect((await apiOk(t, 'GET', `/api/sites/${s.siteId}/outbox`)).messages).toEqual([]);
  });
});
