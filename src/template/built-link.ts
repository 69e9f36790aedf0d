/**
 * Link addresses memberlink builds itself, with their HTML form made once: an absolute http(s)
 * origin from its configuration and a known path (the prefix, checked and escaped once per
 * minter), then a base64url token or short code (which needs no escaping and keeps the address
 * safe). The fill writes `html` as element text, in a quoted attribute and as a whole href
 * without scanning the ~400 characters again for every recipient (bench/personalise); inside
 * another URL it is percent-encoded like any value.
 */
import { escapeHtml } from './escape';
import { isSafeAbsoluteUrl } from './safe-url';

/** A class, so no value read from data (a custom field's JSON) can pass for one. */
export class BuiltLinkValue {
  /** `html` is `url` HTML-escaped, and `url` a safe absolute URL (safe-url.ts). */
  constructor(
    readonly url: string,
    readonly html: string,
  ) {}
}

/** The fixed start of built links, as text and as HTML. */
export interface LinkPrefix {
  readonly text: string;
  readonly html: string;
}

export function linkPrefix(text: string): LinkPrefix {
  if (!isSafeAbsoluteUrl(text)) throw new Error('The configured public address does not make a safe link address');
  return { text, html: escapeHtml(text) };
}

/** `tail` must be base64url: a token or a short code, never an author's or a contact's text. */
export function builtLink(prefix: LinkPrefix, tail: string): BuiltLinkValue {
  return new BuiltLinkValue(prefix.text + tail, prefix.html + tail);
}
