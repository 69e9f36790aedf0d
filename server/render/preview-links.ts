/**
 * Magic links for previews: the real URL shape with `?token=preview` — or, where the channel sends
 * short links, `{member site}/l/{PREVIEW_SHORT_CODE}`, as long as a real short link, so a previewed
 * SMS has the length (and segment count) of the one sent. No token is minted and no magic_links row
 * is written; the member site answers either with a page saying it was a preview, logging nobody in.
 */
import { magicLinkTarget } from '../../src/template/index.ts';
import { shortLinkUrl } from '../../src/template/short-link.ts';
import type { MemberlinkConfig } from '../config.ts';
import type { Site } from '../sites/site-repository.ts';
import { adminLoginUrl, memberSiteOrigin, memberSiteUrl } from '../sites/site-urls.ts';
import { PREVIEW_TOKEN } from '../links/link-token.ts';
import { PREVIEW_SHORT_CODE } from '../links/short-links.ts';

export function previewLinks(
  config: MemberlinkConfig,
  site: Pick<Site, 'subdomain'>,
  keys: string[],
  options: { shortLinks: boolean },
): Map<string, { url: string }> {
  const links = new Map<string, { url: string }>();
  for (const key of keys) {
    const target = magicLinkTarget(key)!;
    if (target.kind === 'learner' && !site.subdomain) continue;
    if (target.kind === 'learner' && options.shortLinks) {
      links.set(key, { url: shortLinkUrl(memberSiteOrigin(config, site.subdomain!), PREVIEW_SHORT_CODE) });
      continue;
    }
    const base = target.kind === 'user' ? adminLoginUrl(config) : memberSiteUrl(config, site.subdomain!, target.destination);
    links.set(key, { url: `${base}?token=${PREVIEW_TOKEN}` });
  }
  return links;
}
