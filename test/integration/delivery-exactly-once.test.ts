/**
 * Each (message, contact) is delivered once: a batch job that runs again (a pg-boss retry, a
 * recovered batch) sends only what is not sent, and rows a process left 'sending' are sent by
 * someone else only once that process's lease expired — once; a chunk written to the outbox
 * delivers only to the recipients whose claim still held.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, createContact } from '../support/fixtures.ts';
import { domainEvents, magicLinks, messageRecipients, outboxMessages, processLeases } from '../../server/db/schema.ts';
import type { DomainEvent } from '../../server/events/event-bus.ts';
import { MagicLinkMinter } from '../../server/links/mint-magic-link.ts';
import { deliverStored, type RecipientDelivery } from '../../server/messages/deliver-recipient.ts';
import { findSiteByRef } from '../../server/sites/site-repository.ts';
import { SitePacer } from '../../server/delivery/site-pacer.ts';
import { progressSignalOf } from '../../server/messages/progress-signal.ts';
import { takeOverDeadClaims } from '../../server/messages/recipient-claims.ts';
import { sendBatch, type BatchWorker } from '../../server/messages/send-batch.ts';
import { processLeaseOf } from '../../server/queue/process-lease.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { TEST_DRIVERS } from '../support/test-databases.ts';
import { NEWS_EMAIL, createSiteFixture, waitForSend, type SiteFixture } from './delivery-support.ts';

/** Text that JSON escapes, or that takes more than one byte in UTF-8. */
const UNUSUAL = ' Zoë — 日本語 😀 "quoted" back\\slash\nnew line\ttab \u0001';

describe.each(TEST_DRIVERS)('exactly once per recipient on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;
  const contactIds: string[] = [];
  const pacer = new SitePacer(0);
  let worker: BatchWorker;

  beforeAll(async () => {
    t = await startTestApp(driver, { SEND_BATCH_SIZE: '4', SEND_POLL_SECONDS: '0.5' });
    worker = { processId: processLeaseOf(t.ctx).id, progress: progressSignalOf(t.ctx) };
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
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    const messageId = sent.id;
    const done = await waitForSend(t, s.siteId, messageId);
    expect(done.counts).toMatchObject({ total: 10, sent: 10 });
    for (let batch = 0; batch < 3; batch++) {
      expect(await sendBatch(t.ctx, { messageId, batch }, pacer, worker)).toEqual({ queued: 0, sending: 0 });
    }
    const counts = await deliveriesPerContact();
    expect(contactIds.map((id) => counts[id])).toEqual(contactIds.map(() => 1));
  });

  it('re-sends rows another process left mid-send only after its lease expired, exactly once', async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds } });
    const messageId = sent.id;
    await waitForSend(t, s.siteId, messageId);
    // Put batch 1 back the way another process leaves it while it sends: 'sending', under its lease.
    const other = randomUUID();
    await t.ctx.db.insert(processLeases).values({ id: other, expiresAt: sql`now() + interval '1 hour'` });
    const stuck = await t.ctx.db
      .update(messageRecipients)
      .set({ status: 'sending', claimedAt: t.clock.now, claimedBy: other, sentAt: null })
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.batch, 1)))
      .returning({ contactId: messageRecipients.contactId });
    expect(stuck).toHaveLength(4);
    const before = await deliveriesPerContact();

    // While its lease lives the claim is respected: the batch reports the rows held elsewhere, and
    // the sweep leaves them alone.
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer, worker)).toEqual({ queued: 0, sending: 4 });
    expect(await takeOverDeadClaims(t.ctx.db)).toEqual([]);
    // It dies: its lease expires (the database's clock decides, so it is moved, not the app's).
    await t.ctx.db.update(processLeases).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(processLeases.id, other));
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer, worker)).toEqual({ queued: 0, sending: 0 });
    expect(await sendBatch(t.ctx, { messageId, batch: 1 }, pacer, worker)).toEqual({ queued: 0, sending: 0 });
    const after = await deliveriesPerContact();
    // Reclaimed once: one more delivery each for the stuck rows, none for the others.
    for (const id of contactIds) expect(after[id] - before[id]).toBe(stuck.some((r) => r.contactId === id) ? 1 : 0);
    const done = await waitForSend(t, s.siteId, messageId);
    expect(done.counts).toMatchObject({ sent: 10, sending: 0 });
  });

  it("records a stored chunk's outbox rows and message.sent events only for the recipients whose claim held; its link rows commit with them", async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { contactIds } });
    const messageId = sent.id;
    await waitForSend(t, s.siteId, messageId);
    const chunkIds = contactIds.slice(0, 3);
    const ours = new Date(t.clock.now.getTime() + 1_000);
    await t.ctx.db
      .update(messageRecipients)
      .set({ status: 'sending', claimedAt: ours, sentAt: null })
      .where(and(eq(messageRecipients.messageId, messageId), inArray(messageRecipients.contactId, chunkIds)));
    // The third was taken for dead and reclaimed by another process meanwhile: its claim time is not ours.
    const theirs = new Date(ours.getTime() + 1_000);
    await t.ctx.db
      .update(messageRecipients)
      .set({ claimedAt: theirs })
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.contactId, chunkIds[2])));

    const site = (await findSiteByRef(t.ctx.db, s.siteId))!;
    const minter = new MagicLinkMinter(t.ctx.db, t.ctx.keyRing, t.ctx.config);
    const jtis: string[] = [];
    for (const subjectId of chunkIds) {
      const link = await minter.mint({ site, kind: 'learner', subjectId, destination: 'courses', channel: 'email', sentBy: `message:${messageId}`, messageId, now: t.clock.now });
      jtis.push(link.jti);
    }
    const published: Array<DomainEvent<'message.sent'>> = [];
    const unsubscribe = t.ctx.events.subscribe('message.sent', (event) => {
      if (event.payload.messageId === messageId) published.push(event);
    });
    const outboxBefore = await deliveriesPerContact();
    const eventsBefore = await sentEventsOf(messageId);
    const chunk: RecipientDelivery[] = chunkIds.map((contactId, i) => ({
      siteId: s.siteId,
      channel: 'email',
      claim: { messageId, claimedAt: ours },
      contactId,
      envelope: { siteId: s.siteId, contactId, from: 'Acme <news@example.com>', to: `c${i}@example.com`, subject: `For ${i}`, html: `<p>${i}${UNUSUAL}</p>`, text: `${i}${UNUSUAL}`, messageId: `<${i}@example.com>` },
    }));
    try {
      expect(await deliverStored(t.ctx, chunk, minter.takeRows())).toBe(2);
    } finally {
      unsubscribe();
    }

    const outboxAfter = await deliveriesPerContact();
    expect(chunkIds.map((id) => outboxAfter[id] - outboxBefore[id])).toEqual([1, 1, 0]);
    const rows = await t.ctx.db
      .select({ contactId: messageRecipients.contactId, status: messageRecipients.status, claimedAt: messageRecipients.claimedAt, deliveryId: messageRecipients.deliveryId })
      .from(messageRecipients)
      .where(and(eq(messageRecipients.messageId, messageId), inArray(messageRecipients.contactId, chunkIds)));
    const byContact = new Map(rows.map((row) => [row.contactId, row]));
    for (const id of chunkIds.slice(0, 2)) {
      const row = byContact.get(id)!;
      expect(row.status).toBe('sent');
      // The mark names the outbox row written for it.
      const [stored] = await t.ctx.db
        .select({ contactId: outboxMessages.contactId, subject: outboxMessages.subject, html: outboxMessages.html, text: outboxMessages.text })
        .from(outboxMessages)
        .where(eq(outboxMessages.id, row.deliveryId!));
      // Character for character (the rows go as their JSON's UTF-8 bytes).
      const i = chunkIds.indexOf(id);
      expect(stored).toEqual({ contactId: id, subject: `For ${i}`, html: `<p>${i}${UNUSUAL}</p>`, text: `${i}${UNUSUAL}` });
    }
    expect(byContact.get(chunkIds[2])).toMatchObject({ status: 'sending', claimedAt: theirs });
    expect((await sentEventsOf(messageId)) - eventsBefore).toBe(2);
    expect(published.map((event) => event.payload.contactId).sort()).toEqual(chunkIds.slice(0, 2).sort());
    for (const event of published) expect(event.createdAt).toBeInstanceOf(Date);
    // Every link row is written (the lost recipient's link is never sent, and harmless).
    const links = await t.ctx.db.select({ jti: magicLinks.jti }).from(magicLinks).where(inArray(magicLinks.jti, jtis));
    expect(links).toHaveLength(3);
  });

  const sentEventsOf = async (messageId: string) => {
    const [row] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'message.sent'), sql`${domainEvents.payload}->>'messageId' = ${messageId}`));
    return row.n;
  };
});

describe.each(TEST_DRIVERS)('the claim sweep on %s', (driver) => {
  let t: TestApp;
  let s: SiteFixture;

  beforeAll(async () => {
    // The app's own periodic sweep stays out of the way: this test sweeps by hand.
    t = await startTestApp(driver, { SEND_BATCH_SIZE: '4', SEND_POLL_SECONDS: '0.5', SEND_SWEEP_SECONDS: '3600' });
    s = await createSiteFixture(t, 'sweep');
    for (let i = 0; i < 6; i++) await createContact(t, s.siteId, { email: `s${i}@example.com`, firstName: `S${i}` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("puts a dead process's rows back in the queue and names their batches, once", async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    const messageId = sent.id;
    await waitForSend(t, s.siteId, messageId);
    const dead = randomUUID();
    await t.ctx.db.insert(processLeases).values({ id: dead, expiresAt: sql`now() - interval '1 second'` });
    // Batch 0 was in flight (one row 'sending', one waiting for its retry); batch 1 held by nobody dead.
    const batch0 = await t.ctx.db
      .select({ contactId: messageRecipients.contactId })
      .from(messageRecipients)
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.batch, 0)));
    await t.ctx.db
      .update(messageRecipients)
      .set({ status: 'sending', claimedBy: dead })
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.contactId, batch0[0].contactId)));
    await t.ctx.db
      .update(messageRecipients)
      .set({ status: 'queued', claimedBy: dead })
      .where(and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.contactId, batch0[1].contactId)));

    expect(await takeOverDeadClaims(t.ctx.db)).toEqual([{ messageId, batch: 0 }]);
    expect(await takeOverDeadClaims(t.ctx.db)).toEqual([]);
    const rows = await t.ctx.db
      .select({ status: messageRecipients.status, claimedBy: messageRecipients.claimedBy })
      .from(messageRecipients)
      .where(and(eq(messageRecipients.messageId, messageId), inArray(messageRecipients.contactId, [batch0[0].contactId, batch0[1].contactId])));
    expect(rows).toEqual([
      { status: 'queued', claimedBy: null },
      { status: 'queued', claimedBy: null },
    ]);
    expect(await t.ctx.db.select().from(processLeases).where(eq(processLeases.id, dead))).toEqual([]);
  });

  it('queues again a batch a dead process had taken without claiming its rows yet (killed between fetch and claim)', async () => {
    const sent = await apiOk(t, 'POST', `/api/sites/${s.siteId}/messages`, { document: NEWS_EMAIL, channel: 'email', recipients: { all: true } });
    const messageId = sent.id;
    await waitForSend(t, s.siteId, messageId);
    const batch1 = and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.batch, 1));
    // Batch 1 never got going: its rows queued, claimed by nobody; its job sat with a process that died.
    await t.ctx.db.update(messageRecipients).set({ status: 'queued', claimedBy: null }).where(batch1);
    try {
      // No process died: a batch merely waiting for its turn is not queued twice.
      expect(await takeOverDeadClaims(t.ctx.db)).toEqual([]);
      await t.ctx.db.insert(processLeases).values({ id: randomUUID(), expiresAt: sql`now() - interval '1 second'` });
      // (Batches other tests left unfinished are named too; this send's is the one asked about.)
      expect((await takeOverDeadClaims(t.ctx.db)).filter((b) => b.messageId === messageId)).toEqual([{ messageId, batch: 1 }]);
      // Once: the next sweep finds no dead process.
      expect(await takeOverDeadClaims(t.ctx.db)).toEqual([]);
    } finally {
      // Leave the send as it was, for the other test's sweep.
      await t.ctx.db.update(messageRecipients).set({ status: 'sent' }).where(batch1);
    }
  });
});
