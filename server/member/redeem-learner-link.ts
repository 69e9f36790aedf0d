/**
 * The learner side of the one redemption service (server/auth/redeem-link.ts): a learner link
 * logs in while its contact holds any active offer, and follows the site's use policy.
 */
import type { AppContext } from '../context.ts';
import type { Site } from '../sites/site-repository.ts';
import { redeemLink, type Redemption, type RedeemOptions, type RedemptionAudience } from '../auth/redeem-link.ts';
import { holdsAnyOffer, memberAccess } from '../offers/member-access.ts';

export const learnerAudience: RedemptionAudience = {
  link: 'learner',
  session: 'member',
  admits: async (tx, site, claims) => holdsAnyOffer(await memberAccess(tx, site.id, claims.sub)),
  maxUses: (recorded) => recorded,
};

export function redeemLearnerLink(ctx: AppContext, site: Site, token: string, options: RedeemOptions): Promise<Redemption> {
  return redeemLink(ctx, site, token, learnerAudience, options);
}
