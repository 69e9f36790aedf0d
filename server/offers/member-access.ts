/**
 * What a contact can open right now: the union of what their active offers unlock. One query for
 * the offers and one for their items; every section page and every redemption asks this.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { accessGrants, contentItems, offerItems, offers } from '../db/schema.ts';

export interface MemberAccess {
  offers: { id: string; title: string }[];
  courses: { id: string; title: string; description: string }[];
  communities: { id: string; title: string; description: string }[];
  affiliates: boolean;
}

export async function memberAccess(db: DbOrTx, siteId: string, contactId: string): Promise<MemberAccess> {
  const held = await db
    .select({ id: offers.id, title: offers.title, includesAffiliates: offers.includesAffiliates })
    .from(accessGrants)
    .innerJoin(offers, eq(offers.id, accessGrants.offerId))
    .where(and(eq(accessGrants.siteId, siteId), eq(accessGrants.contactId, contactId), isNull(accessGrants.revokedAt)))
    .orderBy(asc(offers.title));
  const items = held.length
    ? await db
        .selectDistinct({ id: contentItems.id, kind: contentItems.kind, title: contentItems.title, description: contentItems.description })
        .from(offerItems)
        .innerJoin(contentItems, eq(contentItems.id, offerItems.itemId))
        .where(inArray(offerItems.offerId, held.map((o) => o.id)))
        .orderBy(asc(contentItems.title))
    : [];
  const pick = (kind: 'course' | 'community') =>
    items.filter((i) => i.kind === kind).map(({ id, title, description }) => ({ id, title, description }));
  return {
    offers: held.map(({ id, title }) => ({ id, title })),
    courses: pick('course'),
    communities: pick('community'),
    affiliates: held.some((o) => o.includesAffiliates),
  };
}

export const holdsAnyOffer = (access: Pick<Unlocking, 'offers'>): boolean => access.offers.length > 0;

/** What `unlocks` needs to know: a contact's access, or a single offer's contents. */
export type Unlocking = { offers: unknown[]; courses: { id: string }[]; communities: { id: string }[]; affiliates: boolean };

/** Whether the contact's offers (or one offer) unlock a destination ('' — home — needs any offer). */
export function unlocks(access: Unlocking, destination: string): boolean {
  if (!holdsAnyOffer(access)) return false;
  const [section, itemId] = destination.split('/');
  switch (section) {
    case '':
      return true;
    case 'courses':
      return itemId ? access.courses.some((c) => c.id === itemId) : access.courses.length > 0;
    case 'communities':
      return itemId ? access.communities.some((c) => c.id === itemId) : access.communities.length > 0;
    case 'affiliates':
      return access.affiliates;
    default:
      return false;
  }
}
