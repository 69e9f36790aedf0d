import type { Site } from './site-repository.ts';

/** Site Details fields that must be filled before magic links can be generated. */
const REQUIRED_DETAILS = ['title', 'subdomain', 'supportEmail', 'supportPhone'] as const;
export type SiteDetailField = (typeof REQUIRED_DETAILS)[number];

export function missingSiteDetails(site: Pick<Site, SiteDetailField>): SiteDetailField[] {
  return REQUIRED_DETAILS.filter((field) => !site[field]);
}

/** The API's view of a site. */
export function presentSite(site: Site) {
  const missing = missingSiteDetails(site);
  return {
    id: site.id,
    title: site.title,
    subdomain: site.subdomain,
    supportEmail: site.supportEmail,
    supportPhone: site.supportPhone,
    postalAddress: site.postalAddress,
    linkPolicy: {
      learnerLinkTtlSeconds: site.learnerLinkTtlSeconds,
      userLinkTtlSeconds: site.userLinkTtlSeconds,
      maxUses: site.linkMaxUses,
    },
    detailsComplete: missing.length === 0,
    missingDetails: missing,
    createdAt: site.createdAt,
    updatedAt: site.updatedAt,
  };
}
