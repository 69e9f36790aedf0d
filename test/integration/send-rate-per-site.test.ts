/**
 * SEND_RATE_PER_SITE paces a send across real time: a relay on 127.0.0.1 notes when each mail
 * arrives, and one site's mails come at least one interval apart and the send still ends in bounded
 * time. Both drivers:
 * the embedded database paces in memory, PostgreSQL through a shared row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { apiOk, createContact, uniqueSubdomain } from '../support/fixtures.ts';
import { NEWS_EMAIL, waitForSend } from './delivery-support.ts';

const RATE = 4; // per second: one mail every 250 ms
const INTERVAL_MS = 1000 / RATE;
const RECIPIENTS = 6;
/**
 * Scheduling slack on a busy machine: the pacer grants each delivery its slot, and the time from slot
 * to the relay varies a little per mail. Unpaced, these mails arrive a few milliseconds apart.
 */
const SLACK_MS = 100;

describe.each(TEST_DRIVERS)('SEND_RATE_PER_SITE on %s', (driver) => {
  const arrivals: number[] = [];
  let relay: SmtpSink<never>;
  let t: TestApp;

  beforeAll(async () => {
    // Only when each mail arrives matters: the mail itself is read and dropped.
    relay = await startSmtpSink<never>({
      read: async (stream) => (await stream.toArray(), []),
      onRcptTo(_address, _session, callback) {
        arrivals.push(Date.now());
        callback();
      },
    });
    // One connection, one delivery at a time: what reaches the relay is what the pacer let through,
    // without a second pooled connection's set-up reordering arrivals.
    t = await startTestApp(driver, {
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
      SEND_RATE_PER_SITE: String(RATE),
      SEND_CONCURRENCY: '1',
      SEND_WORKERS: '1',
      SEND_POLL_SECONDS: '0.5',
    });
  });
  afterAll(async () => {
    await t?.close();
    await relay?.close();
  });

  it('spaces one site’s mails at least one interval apart, and finishes in bounded time', async () => {
    const site = await apiOk(t, 'POST', '/api/sites', { title: 'Paced', subdomain: uniqueSubdomain('paced'), supportEmail: 'help@paced.example' }, 201);
    const contactIds: string[] = [];
    for (let i = 0; i < RECIPIENTS; i++) contactIds.push(await createContact(t, site.id, { email: `paced-${i}@example.com`, firstName: `N${i}` }));
    const sent = await apiOk(t, 'POST', `/api/sites/${site.id}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds } }, 202);
    const done = await waitForSend(t, site.id, sent.id);
    expect(done.counts.sent).toBe(RECIPIENTS);

    expect(arrivals).toHaveLength(RECIPIENTS);
    // From the second mail on: the first also waited for the connection to the relay to open, which
    // shortens the gap after it by however long that took.
    const paced = arrivals.slice(1);
    const gaps = paced.slice(1).map((at, i) => at - paced[i]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - SLACK_MS);
    const span = paced.at(-1)! - paced[0];
    expect(span).toBeGreaterThanOrEqual((paced.length - 1) * INTERVAL_MS - SLACK_MS);
    // Pacing, not stalling: these mails at 4/s span about a second.
    expect(span).toBeLessThan(paced.length * INTERVAL_MS * 8);
  });
});
