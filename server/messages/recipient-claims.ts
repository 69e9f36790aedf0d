/**
 * The state machine of one (message, contact) row: queued → sending (claimed by one process with an
 * atomic UPDATE) → sent | failed | skipped; a transient failure puts it back to queued. A claim
 * names the claiming process's lease (server/queue/process-lease.ts); a claim whose lease expired
 * was made by a process that died, and is taken over (`takeOverDeadClaims`, or a claim of its batch).
 */
import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { messageRecipients, processLeases } from '../db/schema.ts';
import { heldByNoLiveProcess as leaseGone } from '../queue/process-lease.ts';

/** The row's claim is held by no live process (its lease expired, or was swept). */
const heldByNoLiveProcess = leaseGone(messageRecipients.claimedBy);

export interface ClaimedRecipient {
  contactId: string;
  /** Including this one. */
  attempts: number;
}

export async function claimBatch(
  db: DbOrTx,
  messageId: string,
  batch: number,
  now: Date,
  processId: string,
): Promise<ClaimedRecipient[]> {
  return db
    .update(messageRecipients)
    .set({ status: 'sending', claimedAt: now, claimedBy: processId, attempts: sql`${messageRecipients.attempts} + 1` })
    .where(
      and(
        eq(messageRecipients.messageId, messageId),
        eq(messageRecipients.batch, batch),
        or(
          eq(messageRecipients.status, 'queued'),
          and(eq(messageRecipients.status, 'sending'), heldByNoLiveProcess),
        ),
      ),
    )
    .returning({ contactId: messageRecipients.contactId, attempts: messageRecipients.attempts });
}

/** Our claim on a row: still 'sending' with the claim time we set (not re-claimed by another process). */
export interface Claim {
  messageId: string;
  claimedAt: Date;
}

const claimed = (claim: Claim) =>
  and(eq(messageRecipients.messageId, claim.messageId), eq(messageRecipients.status, 'sending'), eq(messageRecipients.claimedAt, claim.claimedAt));

/** Returns false when the claim was lost (another process reclaimed it): the caller must not commit. */
export async function markSent(db: DbOrTx, claim: Claim, contactId: string, deliveryId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(messageRecipients)
    .set({ status: 'sent', sentAt: now, deliveryId, reason: null, claimedBy: null })
    .where(and(claimed(claim), eq(messageRecipients.contactId, contactId)))
    .returning({ contactId: messageRecipients.contactId });
  return updated.length === 1;
}

/**
 * The UPDATE that marks many rows sent at once, each with its delivery id, as one part of the
 * caller's statement (a data-modifying CTE). It returns "contactId" and "deliveryId" (a uuid) of
 * the rows whose claim still held: only their deliveries may be written — the others were
 * reclaimed by another process, which sends.
 */
export function markSentManyStatement(claim: Claim, deliveries: Array<{ contactId: string; deliveryId: string }>, now: Date): SQL {
  // The deliveries as one JSON parameter joined in (a CASE and an IN list grew by two parameters,
  // and the CASE by a comparison for every row, per delivery).
  const planned = sql`json_to_recordset(${JSON.stringify(deliveries.map(({ contactId, deliveryId }) => ({ contactId, deliveryId })))}::json) as planned("contactId" uuid, "deliveryId" uuid)`;
  return sql`update ${messageRecipients} set ${sql.identifier(messageRecipients.status.name)} = 'sent', ${sql.identifier(messageRecipients.sentAt.name)} = ${sql.param(now, messageRecipients.sentAt)}, ${sql.identifier(messageRecipients.deliveryId.name)} = planned."deliveryId"::text, ${sql.identifier(messageRecipients.reason.name)} = null, ${sql.identifier(messageRecipients.claimedBy.name)} = null from ${planned} where ${and(claimed(claim), eq(messageRecipients.contactId, sql`planned."contactId"`))} returning planned."contactId", planned."deliveryId"`;
}

export async function markFinal(db: DbOrTx, claim: Claim, contactIds: string[], status: 'failed' | 'skipped', reason: string): Promise<void> {
  if (contactIds.length === 0) return;
  await db
    .update(messageRecipients)
    .set({ status, reason, claimedBy: null })
    .where(and(claimed(claim), inArray(messageRecipients.contactId, contactIds)));
}

/**
 * A transient failure: back to the queue for the batch's next attempt. The row keeps naming this
 * process, so if it dies before the batch's retry is queued, the sweep re-queues the batch.
 */
export async function markRetry(db: DbOrTx, claim: Claim, contactId: string, reason: string): Promise<void> {
  await db
    .update(messageRecipients)
    .set({ status: 'queued', reason })
    .where(and(claimed(claim), eq(messageRecipients.contactId, contactId)));
}

/** What is left of a batch: rows to retry, and rows another (live or dead) process holds. */
export async function batchLeftovers(db: DbOrTx, messageId: string, batch: number): Promise<{ queued: number; sending: number }> {
  const rows = await db
    .select({ status: messageRecipients.status, n: sql<number>`count(*)::int` })
    .from(messageRecipients)
    .where(
      and(eq(messageRecipients.messageId, messageId), eq(messageRecipients.batch, batch), inArray(messageRecipients.status, ['queued', 'sending'])),
    )
    .groupBy(messageRecipients.status);
  return {
    queued: rows.find((r) => r.status === 'queued')?.n ?? 0,
    sending: rows.find((r) => r.status === 'sending')?.n ?? 0,
  };
}

/** Every batch with work left, for recovery after a restart. */
export async function unfinishedBatches(db: DbOrTx): Promise<Array<{ messageId: string; batch: number }>> {
  return db
    .selectDistinct({ messageId: messageRecipients.messageId, batch: messageRecipients.batch })
    .from(messageRecipients)
    .where(inArray(messageRecipients.status, ['queued', 'sending']));
}

/**
 * Frees the claims of dead processes: drops expired leases, puts rows they held back to 'queued'
 * and returns their batches (to be queued again). Rows in flight only (a partial index), so cheap
 * enough to run every few seconds in every process; concurrent sweeps take each row once.
 *
 * A dead process may also have taken a batch's job without having claimed its rows yet (killed
 * between the fetch and the claim): nothing marks that batch, and its job would wait out its
 * expiry (15 minutes). So the sweep that finds a dead lease (only one does: it deletes it) queues
 * every unfinished batch again, as a restart does; a duplicate job finds nothing to claim.
 */
export async function takeOverDeadClaims(db: DbOrTx): Promise<Array<{ messageId: string; batch: number }>> {
  const dead = await db.delete(processLeases).where(sql`${processLeases.expiresAt} < now()`).returning({ id: processLeases.id });
  const freed = await db
    .update(messageRecipients)
    .set({ status: sql`case when ${messageRecipients.status} = 'sending' then 'queued' else ${messageRecipients.status} end`, claimedBy: null })
    .where(and(isNotNull(messageRecipients.claimedBy), heldByNoLiveProcess))
    .returning({ messageId: messageRecipients.messageId, batch: messageRecipients.batch });
  const recovered = dead.length > 0 ? await unfinishedBatches(db) : [];
  const batches = new Map([...freed, ...recovered].map((row) => [`${row.messageId}:${row.batch}`, { messageId: row.messageId, batch: row.batch }]));
  return [...batches.values()];
}
