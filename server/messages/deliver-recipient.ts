/**
 * Delivers rendered messages and records each as sent (with `message.sent`).
 * A transport that stores in the database (the outbox) writes in the same transaction as the
 * mark, so a crash leaves either both or neither — and a bulk send writes a whole chunk of
 * recipients in that one transaction (`deliverStored`). A network transport sends first, then
 * marks, one recipient at a time (`deliverRecipient`).
 */
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { transportOf } from '../channels/transports.ts';
import { inTransaction, type Emit } from '../events/transaction.ts';
import { markSent, markSentMany, type Claim } from './recipient-claims.ts';

/** Another process re-claimed the row (ours was taken for dead): it sends; we must not record. */
export class ClaimLostError extends Error {}

export interface RecipientDelivery {
  siteId: string;
  channel: Channel;
  claim: Claim;
  contactId: string;
  /** The message its channel's transport takes (the channel module's `envelopes`). */
  envelope: unknown;
}

const sentEvent = (d: RecipientDelivery) => ({ messageId: d.claim.messageId, contactId: d.contactId, channel: d.channel });

/** Whether this channel's transport stores in the database (then use `deliverStored`). */
export function storesInDatabase(ctx: AppContext, channel: Channel): boolean {
  const transport = transportOf(ctx, channel);
  return transport.storesInDatabase && transport.storeMany !== undefined;
}

export async function deliverRecipient(ctx: AppContext, d: RecipientDelivery): Promise<void> {
  const transport = transportOf(ctx, d.channel);
  const record = async (tx: Tx, emit: Emit, deliveryId: string) => {
    if (!(await markSent(tx, d.claim, d.contactId, deliveryId, ctx.now()))) throw new ClaimLostError();
    await emit(d.siteId, 'message.sent', sentEvent(d));
  };
  if (transport.storesInDatabase) {
    await inTransaction(ctx, async (tx, emit) => record(tx, emit, await transport.send(d.envelope, tx)));
  } else {
    const deliveryId = await transport.send(d.envelope, ctx.db);
    await inTransaction(ctx, (tx, emit) => record(tx, emit, deliveryId));
  }
}

/**
 * Database-storing transports: delivers and records a chunk of recipients (one claim, one site,
 * one channel) in one transaction — `recordWith` first (what must commit with them: the chunk's
 * link rows), then the marks, then only the deliveries whose claim still held. Returns how many
 * were delivered (the rest were reclaimed by another process, which sends).
 */
export async function deliverStored(ctx: AppContext, chunk: RecipientDelivery[], recordWith?: (tx: Tx) => Promise<unknown>): Promise<number> {
  if (chunk.length === 0) return 0;
  const { claim, siteId, channel } = chunk[0];
  const transport = transportOf(ctx, channel);
  const planned = chunk.map((d) => ({ d, deliveryId: randomUUID() }));
  return inTransaction(ctx, async (tx, _emit, emitMany) => {
    await recordWith?.(tx);
    const held = await markSentMany(tx, claim, planned.map(({ d, deliveryId }) => ({ contactId: d.contactId, deliveryId })), ctx.now());
    const delivering = planned.filter(({ d }) => held.has(d.contactId));
    if (delivering.length > 0) await transport.storeMany!(delivering.map(({ d, deliveryId }) => ({ deliveryId, item: d.envelope })), tx);
    await emitMany(siteId, 'message.sent', delivering.map(({ d }) => sentEvent(d)));
    return delivering.length;
  });
}
