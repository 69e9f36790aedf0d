/**
 * Which link addresses may reach a recipient: absolute http(s), mailto and tel only. Anything else
 * (javascript:, data:, vbscript:, relative paths that would resolve against a webmail host) is refused.
 * A regular expression rather than `new URL`: it runs per recipient and must not allocate.
 */

// No whitespace or control characters anywhere: browsers strip them inside schemes
// ("java\tscript:"), so a URL containing them is refused instead of reasoned about.
const SAFE_ABSOLUTE_URL = /^(?:https?:\/\/[^\x00-\x20\x7f/?#\\]|mailto:[^\x00-\x20\x7f]|tel:[^\x00-\x20\x7f])[^\x00-\x20\x7f]*$/i;

/** The start of an address whose scheme is already fixed, e.g. `https://` before a custom value. */
const SAFE_URL_START = /^(?:https?:\/\/|mailto:|tel:)[^\x00-\x20\x7f]*$/i;

export function isSafeAbsoluteUrl(value: string): boolean {
  return SAFE_ABSOLUTE_URL.test(value);
}

export function hasSafeUrlStart(prefix: string): boolean {
  return SAFE_URL_START.test(prefix);
}

/** What a refused whole-URL value is replaced with: a link that goes nowhere. */
export const INERT_URL = '#';
