/**
 * A send may choose its own learner-link lifetime and use limit (a "48-hour offer" email and a
 * "welcome" email differ), within the same bounds as the site's policy; what it leaves out is the
 * site's. User links keep the site's policy: staff sign-in is never a marketing choice.
 * A send also chooses whether its learner links go out as short links (default: its channel's).
 */
import { z } from 'zod';
import { learnerLinkLifetimeField, linkMaxUsesField } from '../sites/site-schemas.ts';
import type { Channel } from '../../src/template/channel.ts';
import { channelModule } from '../channels/registry.ts';
import type { MintSite } from './mint-magic-link.ts';

export const messageLinkPolicyField = z
  .strictObject({
    lifetimeSeconds: learnerLinkLifetimeField.optional().describe("Learner links' lifetime for this send; default the site's."),
    maxUses: linkMaxUsesField.optional().describe("Uses per learner link for this send (null = unlimited); default the site's."),
    shortLinks: z
      .boolean()
      .optional()
      .describe('Send learner links as short links ({member site}/l/{code}); default on for SMS, off for email.'),
  })
  .describe("This send's learner-link policy, within the site's bounds; omitted fields take the site's.");

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

/** Whether this send's learner links go out short: its own choice, else its channel's default. */
export function shortLinksFor(channel: Channel, policy: MessageLinkPolicy | null | undefined): boolean {
  return policy?.shortLinks ?? channelModule(channel).shortLinksByDefault;
}
