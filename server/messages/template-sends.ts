/** A template's history: every send made from it (any version), newest first, with counts and who sent it to whom. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { messages, offers } from '../db/schema.ts';
import { countsOfMessages } from './message-progress.ts';
import type { Message } from './message-service.ts';
import { presentMessage } from './present-message.ts';
import { describeSenders } from './sent-by.ts';

type StoredAudience = { contactIds?: string[]; offerId?: string; all?: true };

function audienceOf(message: Message, offerTitles: Map<string, string>) {
  const audience = message.audience as StoredAudience;
  if (audience.contactIds) return { kind: 'contacts' as const, count: new Set(audience.contactIds).size };
  if (audience.offerId) return { kind: 'offer' as const, offerId: audience.offerId, title: offerTitles.get(audience.offerId) ?? null };
  return { kind: 'all' as const };
}

export async function listTemplateSends(db: DbOrTx, siteId: string, templateId: string, page: { limit: number; offset: number }) {
  const where = and(eq(messages.siteId, siteId), eq(messages.templateId, templateId));
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(page.limit).offset(page.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(messages).where(where),
  ]);
  const offerIds = [...new Set(rows.flatMap((m) => ((m.audience as StoredAudience).offerId ? [(m.audience as StoredAudience).offerId!] : [])))];
  const [counts, senders, titles] = await Promise.all([
    countsOfMessages(db, rows.map((m) => m.id)),
    describeSenders(db, siteId, rows.map((m) => m.sentBy)),
    offerIds.length
      ? db.select({ id: offers.id, title: offers.title }).from(offers).where(and(eq(offers.siteId, siteId), inArray(offers.id, offerIds)))
      : Promise.resolve([]),
  ]);
  const offerTitles = new Map(titles.map((o) => [o.id, o.title]));
  return {
    sends: rows.map((m) => ({ ...presentMessage(m, counts.get(m.id)!), sentBy: senders.get(m.sentBy)!, audience: audienceOf(m, offerTitles) })),
    page: { ...page, total },
  };
}
