/**
 * The embedded transport: with no SMTP or SMS provider configured, messages are stored whole in
 * `outbox_messages`, so every flow works — and can be inspected — on a fresh machine.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { outboxMessages } from '../db/schema.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = Omit<typeof outboxMessages.$inferInsert, 'id' | 'createdAt'>;

export async function writeOutbox(db: DbOrTx, message: NewOutboxMessage): Promise<OutboxMessage> {
  const [row] = await db.insert(outboxMessages).values(message).returning();
  return row;
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
