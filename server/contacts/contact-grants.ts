/** The offers a contact holds or held, for the contact's page: read here so contacts never import offers (offers import contacts). */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { accessGrants, offers } from '../db/schema.ts';

/** Every grant of a contact, active first, with the offer's title. */
export async function listContactGrants(db: DbOrTx, siteId: string, contactId: string) {
  return db
    .select({
      id: accessGrants.id,
      offerId: accessGrants.offerId,
      offerTitle: offers.title,
      source: accessGrants.source,
      grantedAt: accessGrants.grantedAt,
      revokedAt: accessGrants.revokedAt,
    })
    .from(accessGrants)
    .innerJoin(offers, eq(offers.id, accessGrants.offerId))
    .where(and(eq(accessGrants.siteId, siteId), eq(accessGrants.contactId, contactId)))
    .orderBy(desc(accessGrants.grantedAt));
}
