/**
 * A send may choose its own learner-link lifetime and use limit (a "48-hour offer" email and a
 * "welcome" email differ), within the same bounds as the site's policy; what it leaves out is the
 * site's. User links keep the site's policy: staff sign-in is never a marketing choice.
 * A send also chooses whether its learner links go out as short links (default: its channel's,
 * server/channels/short-links-for.ts).
 */
import type { z } from 'zod';
import type { messageLinkPolicyField } from '../../src/contract/site-schemas.ts';
import type { MintSite } from './mint-magic-link.ts';

export type MessageLinkPolicy = z.output<typeof messageLinkPolicyField>;

/** The site as minting sees it for one send: its learner-link policy overridden where the send chose. */
export function siteWithLinkPolicy<S extends MintSite>(site: S, policy: MessageLinkPolicy | null | undefined): S {
  if (!policy) return site;
  return {
    ...site,
    learnerLinkTtlSeconds: policy.lifetimeSeconds ?? site.learnerLinkTtlSeconds,
    linkMaxUses: policy.maxUses === undefined ? site.linkMaxUses : policy.maxUses,
  };
}
