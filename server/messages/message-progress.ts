/** A send's progress, counted from its recipient rows (so every process sees the same numbers). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { messageRecipients } from '../db/schema.ts';

export type RecipientStatus = (typeof messageRecipients.$inferSelect)['status'];
export type MessageCounts = Record<RecipientStatus, number> & { total: number };
export type MessageStatus = 'queued' | 'sending' | 'completed';

export async function messageCounts(db: DbOrTx, messageId: string): Promise<MessageCounts> {
  const rows = await db
    .select({ status: messageRecipients.status, n: sql<number>`count(*)::int` })
    .from(messageRecipients)
    .where(eq(messageRecipients.messageId, messageId))
    .groupBy(messageRecipients.status);
  const counts: MessageCounts = { total: 0, queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
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
        status: messageRecipients.status,
        reason: messageRecipients.reason,
        attempts: messageRecipients.attempts,
        sentAt: messageRecipients.sentAt,
      })
      .from(messageRecipients)
      .where(where)
      .orderBy(asc(messageRecipients.batch), asc(messageRecipients.contactId))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(messageRecipients).where(where),
  ]);
  return { rows, total };
}
