/**
 * Turns the author's strings (text, attributes, link addresses), which may hold custom values, into
 * fragments: literal runs encoded for where they go, custom values as slots of the matching context.
 */
import { parseCustomValueTokens } from './custom-value';
import { collapseLineBreaks, escapeHtml } from './escape';
import { hasSafeUrlStart, INERT_URL, isSafeAbsoluteUrl } from './safe-url';
import type { Slot, SlotContext, TextTemplate } from './slots';
import { concat, slotTemplate, type Fragment } from './template-fragments';

type ValueToken = Extract<ReturnType<typeof parseCustomValueTokens>[number], { type: 'value' }>;

function slotFor(token: ValueToken, context: SlotContext, whole = false): Slot {
  const slot: Slot = { key: token.key, context };
  if (token.fallback) slot.fallback = token.fallback;
  if (whole) slot.whole = true;
  return slot;
}

function withValues(text: string, context: SlotContext, encodeLiteral: (literal: string) => string) {
  return concat(
    ...parseCustomValueTokens(text).map((token): Fragment =>
      token.type === 'text' ? encodeLiteral(token.text) : slotTemplate(slotFor(token, context)),
    ),
  );
}

const keepLiteral = (literal: string) => literal;

/** Element text for HTML. */
export function htmlWithValues(text: string): TextTemplate {
  return withValues(text, 'html', escapeHtml);
}

/** A quoted attribute value that is not an address (alt, title). */
export function attrWithValues(text: string): TextTemplate {
  return withValues(text, 'attr', escapeHtml);
}

/** Plain text for the text part or an SMS. */
export function plainWithValues(text: string, context: 'text' | 'sms'): TextTemplate {
  return withValues(text, context, keepLiteral);
}

/** Plain text that must stay on one line (subject). */
export function singleLineWithValues(text: string): TextTemplate {
  return { ...withValues(text, 'text', collapseLineBreaks), singleLine: true };
}

/**
 * A link address. Returns null when the address can never be safe (javascript:, relative, …); the
 * caller decides what to show instead. Rules:
 * - only custom values (e.g. `{{magic_link.courses}}`), or one leading value followed by text
 *   (`{{site.url}}/courses`): that value is a `whole` url slot, checked per recipient;
 * - literal start: it must be a safe absolute URL (or its scheme-fixing start when values follow);
 *   the values after it are percent-encoded, so they cannot change where the link goes.
 * `context` `url` writes an HTML attribute; `text`/`sms` write the address as plain text.
 */
export function hrefWithValues(href: string, context: 'url' | 'text' | 'sms'): TextTemplate | null {
  const tokens = parseCustomValueTokens(href.trim());
  const first = tokens[0];
  if (first === undefined) return null;
  if (first.type === 'text') {
    const literalOnly = tokens.length === 1;
    if (literalOnly ? !isSafeAbsoluteUrl(first.text) : !hasSafeUrlStart(first.text)) return null;
  }
  const encodeLiteral = context === 'url' ? escapeHtml : keepLiteral;
  return concat(
    ...tokens.map((token, i): Fragment => {
      if (token.type === 'text') return encodeLiteral(token.text);
      const whole = context === 'url' && i === 0;
      return slotTemplate(slotFor(token, context, whole));
    }),
  );
}

/** Where an address comes out as in HTML: the address, or an inert `#`. */
export function hrefAttribute(href: string): Fragment {
  return hrefWithValues(href, 'url') ?? INERT_URL;
}
