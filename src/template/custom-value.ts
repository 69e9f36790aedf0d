/**
 * The custom-value syntax shared by subjects, preview texts, text, link addresses and attributes:
 * `{{ key }}` or `{{ key | default: "fallback" }}` (fallback in double quotes, `\"` and `\\` escaped).
 */

/**
 * `group.name` or `group.sub.name` (a lowercase group, then dot-separated segments), or one of the
 * two values of no group: `unsubscribe_url`, and `login_code` (the code in a login email,
 * catalog.ts). A lone `{{contact}}` stays a typo to report.
 */
export const CUSTOM_VALUE_KEY_PATTERN = /^(?:[a-z_]+(?:\.[A-Za-z0-9_-]+)+|unsubscribe_url|login_code)$/;

export type CustomValueToken =
  | { type: 'text'; text: string }
  | { type: 'value'; key: string; fallback?: string; start: number; end: number };

// Inner spaces and tabs are tolerated (people type `{{ contact.first_name }}`); newlines are not, so
// a stray `{{` never swallows the following paragraph.
const CUSTOM_VALUE =
  /\{\{[ \t]*([a-z_]+(?:\.[A-Za-z0-9_-]+)+|unsubscribe_url|login_code)[ \t]*(?:\|[ \t]*default[ \t]*:[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*)?\}\}/g;

export function isCustomValueKey(key: string): boolean {
  return CUSTOM_VALUE_KEY_PATTERN.test(key);
}

function unescapeFallback(quoted: string): string {
  return quoted.replace(/\\(["\\])/g, '$1');
}

function escapeFallback(fallback: string): string {
  return fallback.replace(/["\\]/g, '\\$&');
}

export function formatCustomValue(key: string, fallback?: string | null): string {
  return fallback ? `{{${key} | default: "${escapeFallback(fallback)}"}}` : `{{${key}}}`;
}

/**
 * Splits text into literal runs and custom values. Malformed `{{` sequences stay literal text;
 * `validate.ts` reports them, so compiling never has to fail.
 */
export function parseCustomValueTokens(text: string): CustomValueToken[] {
  const tokens: CustomValueToken[] = [];
  let textStart = 0;
  for (const match of text.matchAll(CUSTOM_VALUE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > textStart) tokens.push({ type: 'text', text: text.slice(textStart, start) });
    const fallback = match[2] === undefined ? undefined : unescapeFallback(match[2]);
    tokens.push(
      fallback
        ? { type: 'value', key: match[1], fallback, start, end }
        : { type: 'value', key: match[1], start, end },
    );
    textStart = end;
  }
  if (textStart < text.length) tokens.push({ type: 'text', text: text.slice(textStart) });
  return tokens;
}

/** The token when the whole string (outer whitespace aside) is exactly one custom value. */
export function parseWholeCustomValue(
  text: string,
): Extract<CustomValueToken, { type: 'value' }> | null {
  const tokens = parseCustomValueTokens(text.trim());
  const only = tokens[0];
  return tokens.length === 1 && only.type === 'value' ? only : null;
}
