/**
 * Who a send goes to, written as its recipient rows in one INSERT … SELECT (a 100,000-contact
 * audience never passes through this process), numbered into batches of `batchSize`.
 */
import { and, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../db/database.ts';
import { accessGrants, contacts, messageRecipients } from '../db/schema.ts';
import { invalidField } from '../http/api-error.ts';
import type { audienceField } from '../../src/contract/message-schemas.ts';

export type Audience = z.output<typeof audienceField>;

/** The audience as a condition on `contacts` (undefined: every contact of the site). */
export function audienceCondition(db: DbOrTx, audience: Audience) {
  if ('contactIds' in audience) return inArray(contacts.id, [...new Set(audience.contactIds)]);
  if (!('offerId' in audience)) return undefined;
  return exists(
    db
      .select({ one: sql`1` })
      .from(accessGrants)
      .where(and(eq(accessGrants.contactId, contacts.id), eq(accessGrants.offerId, audience.offerId), isNull(accessGrants.revokedAt))),
  );
}

/** Throws 400 naming the first of `ids` the site does not have (`found`: those it has). */
export function assertNamedContactsFound(ids: string[], found: Set<string>): void {
  const index = ids.findIndex((id) => !found.has(id));
  if (index >= 0) throw invalidField(`recipients.contactIds.${index}`, `no contact ${ids[index]} on this site`);
}

/** Inserts the recipient rows; returns how many. Throws 400 naming a contact id the site does not have. */
export async function insertRecipients(
  db: DbOrTx,
  siteId: string,
  messageId: string,
  audience: Audience,
  batchSize: number,
): Promise<number> {
  const ids = 'contactIds' in audience ? [...new Set(audience.contactIds)] : null;
  const chosen = audienceCondition(db, audience);
  const insert = db
    .insert(messageRecipients)
    .select(
      db
        .select({
          messageId: sql<string>`${messageId}::uuid`.as('message_id'),
          siteId: contacts.siteId,
          contactId: contacts.id,
          batch: sql<number>`((row_number() over (order by ${contacts.id})) - 1) / ${batchSize}::int`.as('batch'),
          status: sql<'queued'>`'queued'`.as('status'),
          reason: sql<null>`null`.as('reason'),
          attempts: sql<number>`0`.as('attempts'),
          claimedAt: sql<null>`null::timestamptz`.as('claimed_at'),
          claimedBy: sql<null>`null::uuid`.as('claimed_by'),
          sentAt: sql<null>`null::timestamptz`.as('sent_at'),
          deliveryId: sql<null>`null`.as('delivery_id'),
        })
        .from(contacts)
        .where(and(eq(contacts.siteId, siteId), chosen)),
    );
  if (ids === null) {
    await insert;
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(messageRecipients)
      .where(eq(messageRecipients.messageId, messageId));
    return n;
  }
  // Named contacts: every one must be the site's (only this small list is read back).
  const inserted = await insert.returning({ contactId: messageRecipients.contactId });
  if (inserted.length !== ids.length) assertNamedContactsFound(ids, new Set(inserted.map((row) => row.contactId)));
  return inserted.length;
}
