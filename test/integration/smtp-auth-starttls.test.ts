/**
 * SMTP as a real relay asks for it: the server on 127.0.0.1 offers STARTTLS with a self-signed
 * certificate and refuses mail without AUTH. The product upgrades the connection before it
 * authenticates (the password never crosses in clear), trusts the certificate only through
 * SMTP_CA_FILE, and sends as MAIL_FROM when the site has no support email. Both drivers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { smtpTransport } from '../../server/channels/email/smtp-transport.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { apiOk, createContact, uniqueSubdomain } from '../support/fixtures.ts';
import { NEWS_EMAIL, waitForSend } from './delivery-support.ts';

const USER = 'mailer@school.example';
const PASSWORD = 'p@ss:w/rd';
const MAIL_FROM = 'Academy News <news@school.example>';

/** A throwaway key and self-signed certificate for 127.0.0.1 (openssl is on every machine the tests run on). */
function selfSignedCertificate(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

interface Seen {
  auths: Array<{ username?: string; password?: string | null; overTls: boolean }>;
  mails: Array<{ raw: Buffer; overTls: boolean; user: unknown }>;
}

/** Requires AUTH (authOptional false), offers STARTTLS, accepts only USER/PASSWORD. */
async function startRelay(tls: { key: string; cert: string }): Promise<{ server: SMTPServer; port: number; seen: Seen }> {
  const seen: Seen = { auths: [], mails: [] };
  const server = new SMTPServer({
    ...tls,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, session, callback) {
      seen.auths.push({ username: auth.username, password: auth.password, overTls: session.secure });
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        seen.mails.push({ raw: Buffer.concat(chunks), overTls: session.secure, user: session.user });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as { port: number }).port, seen };
}

describe.each(TEST_DRIVERS)('SMTP AUTH over STARTTLS on %s', (driver) => {
  let dir: string;
  let certificate: ReturnType<typeof selfSignedCertificate>;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const apps: TestApp[] = [];

  /** An app sending through the relay; one contact on a site without a support email. */
  async function sendOne(env: Record<string, string>) {
    const t = await startTestApp(driver, { SEND_POLL_SECONDS: '0.5', SEND_MAX_ATTEMPTS: '1', ...env });
    apps.push(t);
    const site = await apiOk(t, 'POST', '/api/sites', { title: 'Academy', subdomain: uniqueSubdomain('smtp-auth') }, 201);
    const contactId = await createContact(t, site.id, { email: 'ada@example.com', firstName: 'Ada' });
    const sent = await apiOk(t, 'POST', `/api/sites/${site.id}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds: [contactId] } }, 202);
    return waitForSend(t, site.id, sent.id);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memberlink-smtp-tls-'));
    certificate = selfSignedCertificate(dir);
    relay = await startRelay(certificate);
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
    await new Promise<void>((resolve) => (relay ? relay.server.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades to TLS, then authenticates, then sends as MAIL_FROM', async () => {
    relay.seen.auths.length = 0;
    relay.seen.mails.length = 0;
    const done = await sendOne({
      SMTP_URL: `smtp://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${relay.port}`,
      SMTP_CA_FILE: certificate.certFile,
      MAIL_FROM,
    });
    expect(done.counts).toMatchObject({ sent: 1, failed: 0 });
    expect(relay.seen.auths).toEqual([{ username: USER, password: PASSWORD, overTls: true }]);
    expect(relay.seen.mails).toHaveLength(1);
    expect(relay.seen.mails[0]).toMatchObject({ overTls: true, user: USER });
    const mail = await simpleParser(relay.seen.mails[0].raw);
    expect(mail.from?.value).toEqual([{ name: 'Academy News', address: 'news@school.example' }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe('ada@example.com');
    expect(mail.subject).toBe('News for Ada');
  });

  it('refuses a certificate it was not told to trust, and sends nothing (no password either)', async () => {
    relay.seen.auths.length = 0;
    relay.seen.mails.length = 0;
    const done = await sendOne({ SMTP_URL: `smtp://${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${relay.port}` });
    expect(done.counts).toMatchObject({ sent: 0, failed: 1 });
    expect(done.recipients[0].reason).toMatch(/certificate/i);
    expect(relay.seen.auths).toEqual([]);
    expect(relay.seen.mails).toEqual([]);
  });

  it('fails a send with the relay’s answer when the password is wrong', async () => {
    relay.seen.auths.length = 0;
    relay.seen.mails.length = 0;
    const done = await sendOne({
      SMTP_URL: `smtp://${encodeURIComponent(USER)}:wrong@127.0.0.1:${relay.port}`,
      SMTP_CA_FILE: certificate.certFile,
    });
    expect(done.counts).toMatchObject({ sent: 0, failed: 1 });
    expect(done.recipients[0].reason).toMatch(/^SMTP 535/);
    expect(relay.seen.auths).toEqual([{ username: USER, password: 'wrong', overTls: true }]);
    expect(relay.seen.mails).toEqual([]);
  });

  it('names the setting when SMTP_CA_FILE cannot be read', () => {
    const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', SMTP_URL: `smtp://127.0.0.1:${relay.port}`, SMTP_CA_FILE: join(dir, 'missing.pem') });
    expect(() => smtpTransport({ ...config.delivery, smtpUrl: config.delivery.smtpUrl! })).toThrow(/SMTP_CA_FILE .*missing\.pem cannot be read/);
  });
});
