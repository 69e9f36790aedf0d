/**
 * One queue job: claim the batch's unsent rows, skip (with a reason) those who can't receive it,
 * then a chunk at a time mint and render for the rest (compile and keys were done once), record
 * the link rows, deliver with per-site pacing, and record each outcome: to the outbox a chunk of
 * recipients (links included) per statement; to a network transport with bounded concurrency,
 * one recipient at a time, after the chunk's links are written.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Contact } from '../contacts/contact-service.ts';
import { contacts, offers } from '../db/schema.ts';
import type { DbOrTx } from '../db/database.ts';
import { DeliveryError } from '../delivery/delivery-error.ts';
import type { Pacer } from '../delivery/site-pacer.ts';
import { MagicLinkMinter } from '../links/mint-magic-link.ts';
import { memberAccessOf, type MemberAccess } from '../offers/member-access.ts';
import { mintRecipientLinks, recipientValueSource } from '../render/recipient-values.ts';
import { unsubscribeUrl } from '../delivery/unsubscribe-token.ts';
import { siteWithLinkPolicy } from '../links/link-policy.ts';
import { addressOf } from '../channels/channel-module.ts';
import { channelModule } from '../channels/registry.ts';
import { shortLinksFor } from '../channels/short-links-for.ts';
import { renderMessage, type RenderedMessage } from '../render/render-message.ts';
import { findSiteByRef } from '../sites/site-repository.ts';
import type { RecipientFacts } from '../../src/template/regions.ts';
import { ClaimLostError, deliverRecipient, deliverStored, storesInDatabase, type RecipientDelivery } from './deliver-recipient.ts';
import { compiledMessage, findMessage, type Message } from './message-service.ts';
import type { ProgressSignal } from './progress-signal.ts';
import { batchLeftovers, claimBatch, markFinal, markRetry, type Claim, type ClaimedRecipient } from './recipient-claims.ts';
import { recipientVerdict, skipNeedsAccess } from './recipient-skip.ts';
import { runConcurrently } from './run-concurrently.ts';
import { yieldToOthers } from '../http/yield-to-others.ts';

/**
 * Recipients rendered and delivered together: written to a database-storing transport (the
 * outbox) in one statement, handed to a network transport before the next chunk is rendered.
 */
const CHUNK = 50;

interface Outgoing {
  row: ClaimedRecipient;
  contact: Contact;
  rendered: RenderedMessage;
}

export interface BatchJob {
  messageId: string;
  batch: number;
}

async function contactsById(db: DbOrTx, siteId: string, ids: string[]): Promise<Map<string, Contact>> {
  const rows = await db.select().from(contacts).where(and(eq(contacts.siteId, siteId), inArray(contacts.id, ids)));
  return new Map(rows.map((c) => [c.id, c]));
}

async function offerContext(db: DbOrTx, message: Message): Promise<{ title: string } | undefined> {
  if (!message.offerId) return undefined;
  const [row] = await db.select({ title: offers.title }).from(offers).where(eq(offers.id, message.offerId)).limit(1);
  return row;
}

export interface BatchWorker {
  /** This process's lease id, which its claims carry (server/queue/process-lease.ts). */
  processId: string;
  /** Told after every recorded change, so progress streams in any process read the counts. */
  progress: ProgressSignal;
}

/** Returns what is left of the batch afterwards: rows to retry and rows held by another process. */
export async function sendBatch(ctx: AppContext, job: BatchJob, pacer: Pacer, worker: BatchWorker): Promise<{ queued: number; sending: number }> {
  const message = await findMessage(ctx.db, job.messageId);
  if (!message) return { queued: 0, sending: 0 };
  const claim: Claim = { messageId: message.id, claimedAt: ctx.now() };
  const claimed = await claimBatch(ctx.db, message.id, job.batch, claim.claimedAt, worker.processId);
  if (claimed.length > 0) {
    worker.progress.changed(message.id);
    try {
      await sendClaimed(ctx, message, claim, claimed, pacer, () => worker.progress.changed(message.id));
    } catch (error) {
      // Nothing of this batch may stay claimed by a live process that gave up on it.
      for (const row of claimed) await markRetry(ctx.db, claim, row.contactId, `batch failed: ${(error as Error).message}`);
      throw error;
    } finally {
      worker.progress.changed(message.id);
    }
  }
  return batchLeftovers(ctx.db, message.id, job.batch);
}

async function sendClaimed(ctx: AppContext, message: Message, claim: Claim, claimed: ClaimedRecipient[], pacer: Pacer, changed: () => void) {
  const settings = ctx.config.delivery;
  // This send's link lifetime and use limit, where it chose them (link-policy.ts).
  const site = siteWithLinkPolicy((await findSiteByRef(ctx.db, message.siteId))!, message.linkPolicy);
  const compiled = await compiledMessage(message);
  const ids = claimed.map((row) => row.contactId);
  const byId = await contactsById(ctx.db, site.id, ids);
  // Offers and what they open, for the whole batch in two queries: who may get a learner link, and
  // what each Show if… and repeat decides.
  const accessById = skipNeedsAccess(compiled) ? await memberAccessOf(ctx.db, site.id, ids) : new Map<string, MemberAccess>();
  const offer = await offerContext(ctx.db, message);

  const skipped = new Map<string, string[]>();
  const sendable: Array<{ row: ClaimedRecipient; contact: Contact; facts?: RecipientFacts; linkKeys: string[] }> = [];
  for (const row of claimed) {
    const contact = byId.get(row.contactId);
    const { reason, facts, linkKeys } = recipientVerdict(compiled, message.channel, contact, accessById.get(row.contactId));
    if (reason) skipped.set(reason, [...(skipped.get(reason) ?? []), row.contactId]);
    else sendable.push({ row, contact: contact!, facts, linkKeys });
  }
  for (const [reason, contactIds] of skipped) await markFinal(ctx.db, claim, contactIds, 'skipped', reason);

  // The envelope per recipient, as its channel builds it (batch-wide parts, like From, once).
  const module = channelModule(message.channel);
  const envelopes = module.envelopes(ctx, site);
  const delivery = ({ contact, rendered }: Outgoing): RecipientDelivery => ({
    siteId: site.id,
    channel: message.channel,
    claim,
    contactId: contact.id,
    envelope: envelopes.of({ contactId: contact.id, to: addressOf(module, contact)!, messageId: message.id }, rendered.filled),
  });
  const failed = async (row: ClaimedRecipient, error: unknown) => {
    if (error instanceof ClaimLostError) return;
    const failure = error instanceof DeliveryError ? error : new DeliveryError((error as Error).message, true);
    if (!failure.transient) await markFinal(ctx.db, claim, [row.contactId], 'failed', failure.message);
    else if (row.attempts >= settings.maxAttempts) {
      await markFinal(ctx.db, claim, [row.contactId], 'failed', `gave up after ${row.attempts} attempts: ${failure.message}`);
    } else await markRetry(ctx.db, claim, row.contactId, failure.message);
  };

  // A chunk at a time: minted, rendered and delivered before the next is rendered, so what is
  // held in memory at once is one chunk's messages, whatever the batch size.
  const now = ctx.now();
  const stored = storesInDatabase(ctx, message.channel);
  for (let start = 0; start < sendable.length; start += CHUNK) {
    const minter = new MagicLinkMinter(ctx.db, ctx.keyRing, ctx.config);
    const outgoing: Outgoing[] = [];
    for (const { row, contact, facts, linkKeys } of sendable.slice(start, start + CHUNK)) {
      const recipient = { site, contact, offer, unsubscribeUrl: unsubscribeUrl(ctx, site.id, contact.id) };
      const links = await mintRecipientLinks(recipient, linkKeys, {
        minter,
        channel: message.channel,
        sentBy: `message:${message.id}`,
        messageId: message.id,
        shortLinks: shortLinksFor(message.channel, message.linkPolicy),
        now,
      });
      outgoing.push({ row, contact, rendered: renderMessage(compiled, recipientValueSource(ctx.config, recipient, links), facts) });
    }

    if (stored) {
      for (let i = 0; i < outgoing.length; i++) await pacer.wait(site.id);
      try {
        // The link rows commit with the deliveries: recorded before anyone can click them.
        await deliverStored(ctx, outgoing.map(delivery), minter.takeRows());
      } catch (error) {
        // Nothing of the chunk was written (one statement): each row retries or gives up.
        for (const { row } of outgoing) await failed(row, error);
      }
      changed();
      // On the embedded database a batch never waits on I/O: let requests and timers in.
      await yieldToOthers();
      continue;
    }
    // Links must be recorded before anyone can click them.
    await minter.flush();
    await runConcurrently(outgoing, settings.concurrency, async (out) => {
      const { row } = out;
      await pacer.wait(site.id);
      try {
        // Marked sent the moment its transport accepted it (one recipient per transaction).
        await deliverRecipient(ctx, delivery(out));
      } catch (error) {
        await failed(row, error);
      }
      changed();
    });
  }
}
