import type { DocNode } from '../document';
import type { NodeSerializer } from '../serializer';
import { MEDIA_URL_KEY, SOCIAL_ICON_SIZE, socialIconPath, socialNetwork, type SocialNetwork } from '../social-networks';
import { concat, concatAll, join, type Fragment } from '../template-fragments';
import { hrefAttribute, hrefWithValues } from '../value-fragments';
import { ALIGN_MARGIN, alignOf } from './alignment';

export interface SocialLink {
  network: string;
  url: string;
}

/** The links a row may show: known networks with an https address (validation names the others). */
export function socialLinksOf(node: DocNode): Array<{ network: SocialNetwork; url: string }> {
  const links = Array.isArray(node.attrs?.links) ? (node.attrs.links as unknown[]) : [];
  return links.flatMap((link) => {
    const { network: id, url } = (typeof link === 'object' && link !== null ? link : {}) as Partial<SocialLink>;
    const network = socialNetwork(id);
    const address = typeof url === 'string' ? url.trim() : '';
    return network && /^https:\/\//i.test(address) && hrefWithValues(address, 'url') && !address.includes('{{') ? [{ network, url: address }] : [];
  });
}

/** The icon memberlink serves for a network, at its public address (filled per send). */
const iconSrc = (network: SocialNetwork): Fragment => hrefWithValues(`{{${MEDIA_URL_KEY}}}${socialIconPath(network.id)}`, 'url')!;

const { shown } = SOCIAL_ICON_SIZE;

/**
 * A row of icons, one per network, each linking to the sender's page there. `mj-social` with our own
 * PNG icons (MJML's defaults are fetched from its own servers); names are the alt text.
 */
export const socialLinks: NodeSerializer = {
  mjml(node) {
    const links = socialLinksOf(node);
    if (links.length === 0) return '';
    return concat(
      `<mj-social align="${alignOf(node)}" mode="horizontal" icon-size="${shown}px" padding="8px 25px">`,
      concatAll(
        links.map(({ network, url }) =>
          concat(
            '<mj-social-element src="', iconSrc(network), '" href="', hrefAttribute(url), `" alt="${network.label}"`,
            ' background-color="transparent" padding="4px"></mj-social-element>',
          ),
        ),
      ),
      '</mj-social>',
    );
  },
  // Inside a quote or a list: linked images in one paragraph.
  html(node) {
    const links = socialLinksOf(node);
    if (links.length === 0) return '';
    return concat(
      `<p style="margin:0 0 16px;text-align:${alignOf(node)}">`,
      concatAll(
        links.map(({ network, url }) =>
          concat(
            '<a href="', hrefAttribute(url), '" target="_blank" style="display:inline-block;margin:0 4px">',
            '<img src="', iconSrc(network), `" alt="${network.label}" width="${shown}" height="${shown}" style="display:block;margin:${ALIGN_MARGIN.center};border:0" /></a>`,
          ),
        ),
      ),
      '</p>',
    );
  },
  text(node, ctx) {
    return join(
      socialLinksOf(node).map(({ network, url }) => concat(`${network.label}: `, hrefWithValues(url, ctx.slotContext)!)),
      '\n',
    );
  },
};
