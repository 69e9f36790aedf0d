import { isSafeAbsoluteUrl, parseMagicLinkHref } from '../../template';

/**
 * Which link addresses the editor accepts: a whole magic-link value (`{{magic_link.courses}}`) or an
 * absolute http(s), mailto or tel URL, the same rule the compiler applies when it sends. Everything
 * else (`javascript:`, `data:`, relative paths, a bare `{{contact.website}}` a contact could fill
 * with anything) is refused, so setLink fails instead of storing it.
 */
export function isAllowedLinkHref(href: string | null | undefined): boolean {
  return !!href && (parseMagicLinkHref(href) !== null || isSafeAbsoluteUrl(href));
}
