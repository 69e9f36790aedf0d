/**
 * Each (message, contact) is delivered once: a batch job that runs again (a pg-boss retry, a
 * recovered batch) sends only what is not sent, and rows a dead process left 'sending' are sent
 * by someone else only after the claim timeout — once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageRecipients, outboxMessages } from '../../server/db/schema.ts';
import { SitePacer } from '../../server/delivery/site-pacer.ts';
import { sendBatch } from '../../server/messages/send-batch.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { NEWS_EMAIL, createContact, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

describe.each(TEST_DRIVERS)('exactly once per recipient on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  const contactIds: string[] = [];
  const pacer = new SitePacer(0);

  beforeAll(async () => {
    // Batches of 4; a claim older than 60 s belongs to a dead process.
    t = await startTestApp(driver, { SEND_BATCH_SIZE: '4', SEND_CLAIM_TIMEOUT_SECONDS: '60', SEND_POLL_SECONDS: '0.5' });
    s = await createSiteFixture(t, 'once');
    for (let i = 0; i < 10; i++) contactIds.push(await createContact(t, s.siteId, { email: `c${i}@example.com`, firstName: `C${i}` }));
  });
  afterAll(async () => {
    await t?.close();
  });

  const deliveriesPerContact = async () => {
    const rows = await t.ctx.db
      .select({ contactId: outboxMessages.contactId, n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(eq(outboxMessages.siteId, s.siteId))
      .groupBy(outboxMessages.contactId);
    return Object.fromEntries(rows.map((r) => [r.contactId, r.n]));
  };

  it('re-running every batch of a finished send delivers nothing twice', async () => {
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    const messageId = sent.json().id;
    const done = await waitForSend(t, s.siteId, messageId);
    expect(done.counts).toMatchObject({ total: 10, sent: 10 });
    for (let batch = 0; batch < 3; batch++) {
      expect(await sendBatch(t.ctx, { messageId, batch }, pacer)).toEqual({ queued: 0, sending: 0 });
    }
    const counts = await deliveriesPerContact();
    expect(contactIds.map((id) => counts[id])).toEqual(contactIds.map(() => 1));
  });

  it('re-sends rows a dead process left mid-send only after the claim timeout, exactly once', async () => {
    const sent = await t.api('POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds } });
    const messageId = sent.json().id;
    await waitForSend(t, s.siteId, messageId);
    // Put batch 1 back the way a process that claimed it and died leaves it: 'sending', claimed now.
    const stuck = await t.ctx.db
      .update(messageRecipients)
      .set({ status: 'sending', claimedAt: t.clock.now, sentAt: null })
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.batch, 1)))
      .returning({ contactId: messageRecipients.contactId });
    expect(stuck).toHaveLength(4);
    const before = await deliveriesPerContact();

    // Within the timeout the claim is respected: the batch reports the rows held elsewhere.
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer)).toEqual({ queued: 0, sending: 4 });
    t.clock.advance(61_000);
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer)).toEqual({ queued: 0, sending: 0 });
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer)).toEqual({ queued: 0, sending: 0 });
    const after = await deliveriesPerContact();
    // Reclaimed once: one more delivery each for the stuck rows, none for the others.
    for (const id of contactIds) expect(after[id] - before[id]).toBe(stuck.some((r) => r.contactId === id) ? 1 : 0);
    const done = await waitForSend(t, s.siteId, messageId);
    expect(done.counts).toMatchObject({ sent: 10, sending: 0 });
  });
});
