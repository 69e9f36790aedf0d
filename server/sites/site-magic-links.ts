import type { z } from 'zod';
import type { linkDescriptionResponse, siteMagicLinksResponse } from '../../src/contract/site-schemas.ts';
import { fixedDestination, fixedDestinationsFor, itemDestinationOf, itemPath } from '../../src/template/destinations.ts';
import { magicLinkKey } from '../../src/template/magic-link-keys.ts';
import type { AppContext } from '../context.ts';
import { listContentItems } from '../offers/content-items.ts';
import { missingSiteDetails, type SiteDetailField } from './site-details.ts';
import type { Site } from './site-repository.ts';
import { adminLoginUrl, memberSiteUrl } from './site-urls.ts';

/** Shown instead of a live token: links are minted per recipient at send time, never here. */
const TOKEN_PLACEHOLDER = '<token minted per recipient at send time>';

type LinkDescription = z.infer<typeof linkDescriptionResponse>;

export function describeLink(
  ctx: AppContext,
  site: Site,
  kind: 'learner' | 'user',
  destination: string,
  label: string,
): LinkDescription {
  const plainUrl = kind === 'user' ? adminLoginUrl(ctx.config) : memberSiteUrl(ctx.config, site.subdomain!, destination);
  return {
    kind,
    destination,
    label,
    customValue: `{{${magicLinkKey(kind, destination)}}}`,
    urlShape: `${plainUrl}?token=${TOKEN_PLACEHOLDER}`,
    plainUrl,
  };
}

export async function siteMagicLinks(
  ctx: AppContext,
  site: Site,
): Promise<z.infer<typeof siteMagicLinksResponse> | { missing: SiteDetailField[] }> {
  const missing = missingSiteDetails(site);
  if (missing.length) return { missing };
  const items = await listContentItems(ctx.db, site.id);
  const learner = (destination: string, label: string) => describeLink(ctx, site, 'learner', destination, label);
  const home = fixedDestination('learner', '')!;
  const admin = fixedDestination('user', '')!;
  return {
    learnerLink: learner(home.path, home.label),
    userLink: describeLink(ctx, site, 'user', admin.path, admin.label),
    plainUrl: memberSiteUrl(ctx.config, site.subdomain!, ''),
    destinations: [
      ...fixedDestinationsFor('learner').map((d) => learner(d.path, d.label)),
      ...items.map((item) => learner(itemPath(item.kind, item.id), `${itemDestinationOf({ contentKind: item.kind })!.label}: ${item.title}`)),
    ],
  };
}
