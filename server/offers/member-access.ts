/**
 * What a contact can open right now: the union of what their active offers unlock. One query for
 * the offers and one for their items; every section page, every redemption and every send asks this.
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
  return (await memberAccessOf(db, siteId, [contactId])).get(contactId)!;
}

/**
 * The same for many contacts in two queries whatever their number (a send batch asks this once),
 * every id answered (no offers: nothing open).
 */
export async function memberAccessOf(db: DbOrTx, siteId: string, contactIds: readonly string[]): Promise<Map<string, MemberAccess>> {
  const held = contactIds.length
    ? await db
        .select({ contactId: accessGrants.contactId, id: offers.id, title: offers.title, includesAffiliates: offers.includesAffiliates })
        .from(accessGrants)
        .innerJoin(offers, eq(offers.id, accessGrants.offerId))
        .where(and(eq(accessGrants.siteId, siteId), inArray(accessGrants.contactId, [...contactIds]), isNull(accessGrants.revokedAt)))
        .orderBy(asc(offers.title))
    : [];
  const offerIds = [...new Set(held.map((o) => o.id))];
  const items = offerIds.length
    ? await db
        .selectDistinct({ offerId: offerItems.offerId, id: contentItems.id, kind: contentItems.kind, title: contentItems.title, description: contentItems.description })
        .from(offerItems)
        .innerJoin(contentItems, eq(contentItems.id, offerItems.itemId))
        .where(inArray(offerItems.offerId, offerIds))
        .orderBy(asc(contentItems.title), asc(contentItems.id))
    : [];
  // Each contact's offers, in title order (a batch's contacts each looked through every row was O(n²)).
  const heldBy = new Map<string, typeof held>();
  for (const row of held) {
    const mine = heldBy.get(row.contactId);
    if (mine) mine.push(row);
    else heldBy.set(row.contactId, [row]);
  }
  const access = new Map<string, MemberAccess>();
  for (const contactId of contactIds) {
    const mine = heldBy.get(contactId) ?? [];
    const mineIds = new Set(mine.map((o) => o.id));
    const seen = new Set<string>();
    // An item two of the contact's offers unlock is listed once.
    const open = items.filter((i) => mineIds.has(i.offerId) && !seen.has(i.id) && seen.add(i.id));
    const pick = (kind: 'course' | 'community') =>
      open.filter((i) => i.kind === kind).map(({ id, title, description }) => ({ id, title, description }));
    access.set(contactId, {
      offers: mine.map(({ id, title }) => ({ id, title })),
      courses: pick('course'),
      communities: pick('community'),
      affiliates: mine.some((o) => o.includesAffiliates),
    });
  }
  return access;
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
