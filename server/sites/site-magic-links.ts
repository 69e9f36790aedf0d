import { z } from 'zod';
import { fixedDestination, fixedDestinationsFor, itemDestinationOf, itemPath } from '../../src/template/destinations.ts';
import { magicLinkKey } from '../../src/template/magic-link-keys.ts';
import type { AppContext } from '../context.ts';
import { listContentItems } from '../offers/content-items.ts';
import { missingSiteDetails, type SiteDetailField } from './site-details.ts';
import type { Site } from './site-repository.ts';
import { adminLoginUrl, memberSiteUrl } from './site-urls.ts';

/** Shown instead of a live token: links are minted per recipient at send time, never here. */
const TOKEN_PLACEHOLDER = '<token minted per recipient at send time>';

const linkDescription = z.object({
  kind: z.enum(['learner', 'user']),
  destination: z.string(),
  label: z.string(),
  customValue: z.string().describe('Paste into a template; resolved per recipient when sent.'),
  urlShape: z.string().describe('What the link looks like once sent.'),
  plainUrl: z.string().describe('The same URL without the token: asks for a manual login.'),
});

export const siteMagicLinksResponse = z.object({
  learnerLink: linkDescription,
  userLink: linkDescription,
  plainUrl: z.string(),
  destinations: z.array(linkDescription),
});
type LinkDescription = z.infer<typeof linkDescription>;

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
