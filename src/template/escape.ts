/**
 * Escaping for HTML text and quoted attribute values (the same five characters make both inert).
 * Hot path at send time: test first so that the common clean value costs no allocation.
 */

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIAL_ALL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function toEntity(char: string): string {
  return HTML_ENTITY[char];
}

export function escapeHtml(value: string): string {
  return HTML_SPECIAL.test(value) ? value.replace(HTML_SPECIAL_ALL, toEntity) : value;
}

// Pairs are matched first and kept, so only lone halves are replaced (no lookbehind: older Safari).
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

function replaceLoneSurrogate(match: string): string {
  return match.length === 2 ? match : '\uFFFD';
}

/** `encodeURIComponent` that cannot throw: a lone surrogate (broken contact data) becomes U+FFFD. */
export function encodeUriComponentSafely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(SURROGATES, replaceLoneSurrogate));
  }
}

const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]+/;
const LINE_BREAKS_ALL = /[\r\n\u0085\u2028\u2029]+/g;

/** For single-line outputs (subject headers): any run of line breaks becomes one space. */
export function collapseLineBreaks(value: string): string {
  return LINE_BREAKS.test(value) ? value.replace(LINE_BREAKS_ALL, ' ') : value;
}
