/**
 * DKIM over real SMTP: a mail delivered to an smtp-server on 127.0.0.1 is verified with a
 * maintained DKIM verifier (mailauth) against the public half of the key the app signed with, and
 * its signed header list covers both one-click unsubscribe headers (RFC 8058 §4).
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../support/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { NEWS_EMAIL, createSiteFixture, waitForSend } from './delivery-support.ts';

const DOMAIN = 'dkim.example';
const SELECTOR = 'ml2026';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const DNS_RECORD = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

/** The DNS a receiver would ask: only our selector's TXT record exists. */
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[DNS_RECORD]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

describe.each(TEST_DRIVERS)('DKIM-signed mail on %s', (driver) => {
  let smtp: SmtpSink<Buffer>;
  let t: TestApp;

  beforeAll(async () => {
    // Each mail as the bytes that arrived: the signature covers them exactly.
    smtp = await startSmtpSink({ read: async (stream) => [Buffer.concat(await stream.toArray())] });
    t = await startTestApp(driver, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      DKIM_DOMAIN: DOMAIN,
      DKIM_SELECTOR: SELECTOR,
      DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      SEND_POLL_SECONDS: '0.5',
    });
    const site = await createSiteFixture(t, `dkim-${driver}`);
    const contactId = await createContact(t, site.siteId, { email: 'ada@example.com', firstName: 'Ada' }, site.offerId);
    const sent = await t.api('POST', `/api/sites/${site.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds: [contactId] } });
    expect(sent.statusCode, sent.body).toBe(202);
    const done = await waitForSend(t, site.siteId, sent.json().id);
    expect(done.counts.sent).toBe(1);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('passes verification, and the signature covers List-Unsubscribe and List-Unsubscribe-Post', async () => {
    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0].toString();
    expect(message).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const { results } = await dkimVerify(smtp.received[0], { resolver: resolver as never });
    expect(results).toHaveLength(1);
    const [signature] = results as Array<(typeof results)[number] & { signingHeaders?: { keys: string } }>;
    expect(signature.status.result).toBe('pass');
    expect(signature.signingDomain).toBe(DOMAIN);
    const signed = signature.signingHeaders!.keys.toLowerCase().split(':').map((key) => key.trim());
    expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']));
  });

  it('fails verification when the one-click header is altered in transit', async () => {
    const tampered = smtp.received[0].toString().replace('List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=Two-Click');
    const { results } = await dkimVerify(Buffer.from(tampered), { resolver: resolver as never });
    expect(results[0].status.result).toBe('fail');
  });
});
