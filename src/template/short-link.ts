/**
 * A short link: `{member site}/l/{code}`, the code an opaque random id (16 bytes from the CSPRNG,
 * base64url: 22 characters, 128 bits). The server keeps only the code's SHA-256, bound to the link's
 * magic_links row, and redeems it through the same checks as the long link. SMS sends short links
 * by default: a long link is a ~400-character JWS, three SMS segments on its own.
 *
 * Shared by the server (minting, routes) and the composer (counting an SMS at its real length).
 */

import type { Channel } from './channel';

/** The path prefix of every short link on a member site. */
export const SHORT_LINK_PATH = '/l/';

/** 16 random bytes in base64url (no padding). */
export const SHORT_LINK_CODE_BYTES = 16;
export const SHORT_LINK_CODE_LENGTH = Math.ceil((SHORT_LINK_CODE_BYTES * 8) / 6);

/** Exactly the shape of a minted code; anything else is refused before any lookup. */
export const SHORT_LINK_CODE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${SHORT_LINK_CODE_LENGTH}}$`);

/** `https://academy.example.com` from a host, or the origin itself when given one (`http://academy.localhost:3000`). */
export function originOfSiteHost(siteHost: string): string {
  return /^https?:\/\//i.test(siteHost) ? siteHost.replace(/\/+$/, '') : `https://${siteHost}`;
}

export function shortLinkUrl(siteOrigin: string, code: string): string {
  return `${siteOrigin}${SHORT_LINK_PATH}${code}`;
}

/** A short link as long as a real one on this site (for the SMS counter): the code's characters are placeholders. */
export function sampleShortLinkUrl(siteHost: string): string {
  return shortLinkUrl(originOfSiteHost(siteHost), 'x'.repeat(SHORT_LINK_CODE_LENGTH));
}

/**
 * Whether a channel's learner links are short unless a send says otherwise (messages.link_policy
 * `shortLinks`): SMS, where every character is paid for; not email, where the full link is hidden
 * behind a button. The server's channel modules and the composer's SMS counter both read this.
 */
export const SHORT_LINKS_BY_DEFAULT = { email: false, sms: true } as const satisfies Record<Channel, boolean>;
