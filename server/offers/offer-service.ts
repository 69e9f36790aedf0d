import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { contentItems, offerItems, offers } from '../db/schema.ts';
import { invalidField, notFound } from '../http/api-error.ts';
import { siteItemIds, type ContentItem } from './content-items.ts';

export type Offer = typeof offers.$inferSelect;

export interface OfferWithContents extends Offer {
  courses: Pick<ContentItem, 'id' | 'title'>[];
  communities: Pick<ContentItem, 'id' | 'title'>[];
}

export async function findOffer(db: DbOrTx, siteId: string, offerId: string): Promise<Offer | null> {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.siteId, siteId), eq(offers.id, offerId)))
    .limit(1);
  return row ?? null;
}

export async function requireOffer(db: DbOrTx, siteId: string, offerId: string): Promise<Offer> {
  const offer = await findOffer(db, siteId, offerId);
  if (!offer) throw notFound('Offer');
  return offer;
}

/** Offers with what each unlocks, in one query for the items. */
export async function withContents(db: DbOrTx, list: Offer[]): Promise<OfferWithContents[]> {
  if (!list.length) return [];
  const rows = await db
    .select({ offerId: offerItems.offerId, id: contentItems.id, title: contentItems.title, kind: contentItems.kind })
    .from(offerItems)
    .innerJoin(contentItems, eq(contentItems.id, offerItems.itemId))
    .where(
      inArray(
        offerItems.offerId,
        list.map((o) => o.id),
      ),
    )
    .orderBy(asc(contentItems.title));
  return list.map((offer) => {
    const mine = rows.filter((r) => r.offerId === offer.id);
    const pick = (kind: ContentItem['kind']) => mine.filter((r) => r.kind === kind).map(({ id, title }) => ({ id, title }));
    return { ...offer, courses: pick('course'), communities: pick('community') };
  });
}

export async function listOffers(db: DbOrTx, siteId: string): Promise<OfferWithContents[]> {
  const list = await db.select().from(offers).where(eq(offers.siteId, siteId)).orderBy(asc(offers.createdAt));
  return withContents(db, list);
}

export interface OfferInput {
  title: string;
  description?: string;
  includesAffiliates?: boolean;
  itemIds?: string[];
}

async function checkItems(db: DbOrTx, siteId: string, itemIds: string[]): Promise<void> {
  const known = await siteItemIds(db, siteId, itemIds);
  const index = itemIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalidField(`itemIds.${index}`, `no course or community ${itemIds[index]} on this site`);
}

export async function createOffer(db: DbOrTx, siteId: string, input: OfferInput): Promise<OfferWithContents> {
  return db.transaction(async (tx) => {
    const itemIds = [...new Set(input.itemIds ?? [])];
    await checkItems(tx, siteId, itemIds);
    const [offer] = await tx
      .insert(offers)
      .values({
        siteId,
        title: input.title,
        description: input.description ?? '',
        includesAffiliates: input.includesAffiliates ?? false,
      })
      .returning();
    if (itemIds.length) await tx.insert(offerItems).values(itemIds.map((itemId) => ({ siteId, offerId: offer.id, itemId })));
    return (await withContents(tx, [offer]))[0];
  });
}

export async function updateOffer(
  db: DbOrTx,
  siteId: string,
  offerId: string,
  input: Partial<OfferInput>,
): Promise<OfferWithContents> {
  return db.transaction(async (tx) => {
    await requireOffer(tx, siteId, offerId);
    const fields = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.includesAffiliates !== undefined && { includesAffiliates: input.includesAffiliates }),
    };
    if (Object.keys(fields).length) await tx.update(offers).set(fields).where(eq(offers.id, offerId));
    if (input.itemIds) {
      const itemIds = [...new Set(input.itemIds)];
      await checkItems(tx, siteId, itemIds);
      await tx.delete(offerItems).where(eq(offerItems.offerId, offerId));
      if (itemIds.length) await tx.insert(offerItems).values(itemIds.map((itemId) => ({ siteId, offerId, itemId })));
    }
    return (await withContents(tx, [(await requireOffer(tx, siteId, offerId))]))[0];
  });
}
