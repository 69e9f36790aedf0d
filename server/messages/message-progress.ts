/** A send's progress, counted from its recipient rows (so every process sees the same numbers). */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { contacts, messageRecipients } from '../db/schema.ts';

export type RecipientStatus = (typeof messageRecipients.$inferSelect)['status'];
export type MessageCounts = Record<RecipientStatus, number> & { total: number };
export type MessageStatus = 'queued' | 'sending' | 'completed';

const noCounts = (): MessageCounts => ({ total: 0, queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0 });

export async function messageCounts(db: DbOrTx, messageId: string): Promise<MessageCounts> {
  return (await countsOfMessages(db, [messageId])).get(messageId)!;
}

/** The counts of several sends in one query (a page of a template's history). */
export async function countsOfMessages(db: DbOrTx, messageIds: string[]): Promise<Map<string, MessageCounts>> {
  const byMessage = new Map(messageIds.map((id) => [id, noCounts()]));
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({ messageId: messageRecipients.messageId, status: messageRecipients.status, n: sql<number>`count(*)::int` })
    .from(messageRecipients)
    .where(messageIds.length === 1 ? eq(messageRecipients.messageId, messageIds[0]) : inArray(messageRecipients.messageId, messageIds))
    .groupBy(messageRecipients.messageId, messageRecipients.status);
  for (const row of rows) {
    const counts = byMessage.get(row.messageId)!;
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return byMessage;
}

/** Skipped and failed recipients grouped by reason, most first. */
export async function outcomeReasons(db: DbOrTx, messageId: string) {
  const count = sql<number>`count(*)::int`;
  const rows = await db
    .select({ status: messageRecipients.status, reason: messageRecipients.reason, count })
    .from(messageRecipients)
    .where(and(eq(messageRecipients.messageId, messageId), inArray(messageRecipients.status, ['skipped', 'failed'])))
    .groupBy(messageRecipients.status, messageRecipients.reason)
    .orderBy(desc(count), asc(messageRecipients.reason));
  return rows.map((row) => ({ status: row.status as 'skipped' | 'failed', reason: row.reason ?? 'no reason recorded', count: row.count }));
}

export function statusOf(counts: MessageCounts): MessageStatus {
  if (counts.queued + counts.sending === 0) return 'completed';
  return counts.queued === counts.total ? 'queued' : 'sending';
}

export async function listRecipients(
  db: DbOrTx,
  messageId: string,
  query: { status?: RecipientStatus; limit: number; offset: number },
) {
  const where = and(eq(messageRecipients.messageId, messageId), query.status ? eq(messageRecipients.status, query.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        contactId: messageRecipients.contactId,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        email: contacts.email,
        phone: contacts.phone,
        present: contacts.id,
        status: messageRecipients.status,
        reason: messageRecipients.reason,
        attempts: messageRecipients.attempts,
        sentAt: messageRecipients.sentAt,
      })
      .from(messageRecipients)
      // A deleted contact's row stays (skipped: contact deleted), with no one to name.
      .leftJoin(contacts, eq(contacts.id, messageRecipients.contactId))
      .where(where)
      .orderBy(asc(messageRecipients.batch), asc(messageRecipients.contactId))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(messageRecipients).where(where),
  ]);
  return {
    rows: rows.map(({ firstName, lastName, email, phone, present, ...row }) => ({
      ...row,
      contact: present ? { firstName: firstName!, lastName: lastName!, email, phone } : null,
    })),
    total,
  };
}
