/**
 * Delivers rendered messages and records each as sent (with `message.sent`).
 * A transport that stores in the database (the outbox) writes in the same transaction as the
 * mark, so a crash leaves either both or neither — and a bulk send writes a whole chunk of
 * recipients in one statement (`deliverStored`). A network transport sends first, then
 * marks, one recipient at a time (`deliverRecipient`).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { transportOf } from '../channels/transports.ts';
import { domainEventOf, domainEventRows, inTransaction, publishCommitted, type Emit } from '../events/transaction.ts';
import { fromDriverRow, jsonRowsInsert } from '../db/insert-json-rows.ts';
import { queryRows } from '../db/query-rows.ts';
import { domainEvents, magicLinks, outboxMessages } from '../db/schema.ts';
import type { MagicLinkRow } from '../links/mint-magic-link.ts';
import { markSent, markSentManyStatement, type Claim } from './recipient-claims.ts';

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
  return transport.storesInDatabase && transport.outboxRows !== undefined;
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
 * one channel) in one statement of data-modifying CTEs — what must commit with them (the chunk's
 * link rows), the marks, then the outbox rows and `message.sent` events of only the recipients
 * whose claim still held. One statement is one transaction: a crash leaves all of it or none, as
 * before, in one round trip instead of six (begin, links, marks, outbox, events, commit). Returns
 * how many were delivered (the rest were reclaimed by another process, which sends).
 */
export async function deliverStored(ctx: AppContext, chunk: RecipientDelivery[], linkRows: MagicLinkRow[] = []): Promise<number> {
  if (chunk.length === 0) return 0;
  const { claim, siteId, channel } = chunk[0];
  const transport = transportOf(ctx, channel);
  const planned = chunk.map((d) => ({ contactId: d.contactId, deliveryId: randomUUID() }));
  const outbox = transport.outboxRows!(chunk.map((d, i) => ({ deliveryId: planned[i].deliveryId, item: d.envelope })));
  const events = domainEventRows(siteId, 'message.sent', chunk.map(sentEvent));
  // Each table's rows go as their JSON's bytes (insert-json-rows.ts: a chunk's ~500 KB stays off the heap).
  const links = jsonRowsInsert(magicLinks, linkRows, { asBytes: true });
  const parts = [
    ...(links ? [sql`links as (${links})`] : []),
    sql`marked as (${markSentManyStatement(claim, planned, ctx.now())})`,
    sql`delivered as (${jsonRowsInsert(outboxMessages, outbox, { keep: sql`r."id" in (select "deliveryId" from marked)`, asBytes: true })})`,
    sql`sent as (${jsonRowsInsert(domainEvents, events, {
      keep: sql`(r."payload"->>'contactId')::uuid in (select "contactId" from marked)`,
      returning: eventColumns,
      asBytes: true,
    })})`,
  ];
  const written = await queryRows<Record<string, unknown>>(ctx.db, sql`with ${sql.join(parts, sql`, `)} select * from sent`, { prepared: true });
  const createdAt = new Map(written.map((row) => fromDriverRow(eventColumns, row)).map((row) => [row.id as string, row.createdAt as Date]));
  await publishCommitted(
    ctx,
    events.filter((row) => createdAt.has(row.id)).map((row) => domainEventOf(row, createdAt.get(row.id)!)),
  );
  return createdAt.size;
}

const eventColumns = { id: domainEvents.id, createdAt: domainEvents.createdAt };
