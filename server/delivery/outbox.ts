/**
 * The embedded transport: with no SMTP or SMS provider configured, messages are stored whole in
 * `outbox_messages`, so every flow works — and can be inspected — on a fresh machine.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { outboxMessages } from '../db/schema.ts';
import { jsonRowsInsert } from '../db/insert-json-rows.ts';
import { queryRows } from '../db/query-rows.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = Omit<typeof outboxMessages.$inferInsert, 'id' | 'createdAt'>;

/** What a database-storing transport writes for one delivery, under the id the caller chose. */
export interface StoredDelivery<T> {
  deliveryId: string;
  item: T;
}

export async function writeOutbox(db: DbOrTx, message: NewOutboxMessage): Promise<OutboxMessage> {
  const [row] = await db.insert(outboxMessages).values(message).returning();
  return row;
}

/** An outbox row under the id its writer chose (so it records it with the recipient without reading it back). */
export type OutboxRow = NewOutboxMessage & { id: string };

/** Many rows in one INSERT (`asBytes` as a bulk send's chunk: insert-json-rows.ts). */
export async function writeOutboxMany(db: DbOrTx, rows: OutboxRow[], options: { asBytes?: boolean } = {}): Promise<void> {
  const statement = jsonRowsInsert(outboxMessages, rows, options);
  if (statement) await queryRows(db, statement, { prepared: true });
}

export async function listOutbox(
  db: DbOrTx,
  siteId: string,
  options: { contactId?: string; limit?: number } = {},
): Promise<OutboxMessage[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.siteId, siteId), options.contactId ? eq(outboxMessages.contactId, options.contactId) : undefined))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(options.limit ?? 50);
}
