/**
 * The learner side of the one redemption service (server/auth/redeem-link.ts): a learner link
 * logs in while its contact holds any active offer, and follows the site's use policy.
 */
import type { AppContext } from '../context.ts';
import type { Site } from '../sites/site-repository.ts';
import { redeemLink, type Redemption, type RedeemOptions, type RedemptionAudience } from '../auth/redeem-link.ts';
import { sql } from 'drizzle-orm';
import { holdsAnyOffer, memberAccess } from '../offers/member-access.ts';

export const learnerAudience: RedemptionAudience = {
  link: 'learner',
  session: 'member',
  admits: async (db, site, claims) => holdsAnyOffer(await memberAccess(db, site.id, claims.sub)),
  // holdsAnyOffer(memberAccess(…)) without reading the offers' items: an active grant of an offer.
  admitsSql: (siteId, subjectId) => sql`exists (
    select 1 from access_grants g join offers o on o.id = g.offer_id
    where g.site_id = ${siteId}::uuid and g.contact_id::text = ${subjectId} and g.revoked_at is null)`,
  useLimit: null,
};

export function redeemLearnerLink(ctx: AppContext, site: Site, token: string, options: RedeemOptions): Promise<Redemption> {
  return redeemLink(ctx, site, token, learnerAudience, options);
}
