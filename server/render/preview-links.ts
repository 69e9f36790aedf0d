/**
 * Magic links for previews: the real URL shape with `?token=preview`. No token is minted and no
 * magic_links row is written; the member site answers `token=preview` with a page saying it was a
 * preview, logging nobody in.
 */
import { magicLinkTarget } from '../../src/template/index.ts';
import type { MemberlinkConfig } from '../config.ts';
import type { Site } from '../sites/site-repository.ts';
import { adminLoginUrl, memberSiteUrl } from '../sites/site-urls.ts';
import { PREVIEW_TOKEN } from '../links/link-token.ts';


export function previewLinks(config: MemberlinkConfig, site: Pick<Site, 'subdomain'>, keys: string[]): Map<string, { url: string }> {
  const links = new Map<string, { url: string }>();
  for (const key of keys) {
    const target = magicLinkTarget(key)!;
    if (target.kind === 'learner' && !site.subdomain) continue;
    const base = target.kind === 'user' ? adminLoginUrl(config) : memberSiteUrl(config, site.subdomain!, target.destination);
    links.set(key, { url: `${base}?token=${PREVIEW_TOKEN}` });
  }
  return links;
}
