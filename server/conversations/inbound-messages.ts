/** Replies from contacts, stored once per provider id (a redelivered webhook adds nothing). */
import type { AppContext } from '../context.ts';
import { inboundMessages } from '../db/schema.ts';

export type InboundMessage = typeof inboundMessages.$inferSelect;
export type NewInboundMessage = Omit<typeof inboundMessages.$inferInsert, 'id' | 'receivedAt'>;

/** Returns the stored reply, or null when this provider id was stored before. */
/** Received at the database's time, like the events and outbox rows it is shown between. */
export async function recordInbound(ctx: AppContext, message: NewInboundMessage): Promise<InboundMessage | null> {
  const [row] = await ctx.db
    .insert(inboundMessages)
    .values(message)
    .onConflictDoNothing({ target: [inboundMessages.siteId, inboundMessages.channel, inboundMessages.externalId] })
    .returning();
  return row ?? null;
}
