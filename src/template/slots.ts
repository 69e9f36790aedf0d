/**
 * A compiled template is literal text with typed holes ("slots"). Compiling happens once per
 * template; `fillTemplate` runs once per recipient and knows how to make each value safe for the
 * place its hole sits in.
 */
import { collapseLineBreaks, encodeUriComponentSafely, escapeHtml } from './escape';
import { NO_FACTS, scopedValue, walkVisible, type RecipientFacts, type RegionMarker } from './regions';
import { INERT_URL, isSafeAbsoluteUrl } from './safe-url';
import { BuiltLinkValue } from './built-link';

/**
 * - `html`: element text. `attr`: a quoted attribute value. Both are HTML-escaped.
 * - `url`: inside an href/src attribute (see `Slot.whole`).
 * - `text`: the plain-text part and the subject; raw. `sms`: an SMS body; raw.
 */
export type SlotContext = 'html' | 'attr' | 'url' | 'text' | 'sms';

export interface Slot {
  /** Custom-value key, e.g. `contact.first_name` or `magic_link.courses`. */
  key: string;
  /** Used when the value is missing or empty; never an empty string. */
  fallback?: string;
  context: SlotContext;
  /**
   * `url` only: the value starts the URL (it is the whole attribute, or comes before any literal
   * text), so it decides the scheme and must itself be a safe absolute URL, else it becomes `#`.
   * Without it the value sits inside a URL and is percent-encoded.
   */
  whole?: boolean;
  /**
   * Not a value: a marker opening or ending a region decided per recipient (`regions.ts`). Its key
   * is `region.*`; the fill writes nothing for it.
   */
  region?: RegionMarker;
}

/** `parts.length === slots.length + 1`; output is parts[0] + value(slots[0]) + parts[1] + … */
export interface TextTemplate {
  parts: string[];
  slots: Slot[];
  /** Values can never break the line (e.g. a subject header): CR/LF runs become one space. */
  singleLine?: boolean;
}

export type SlotValue = string | BuiltLinkValue | undefined | null;
export type SlotValueSource = (slot: Slot) => SlotValue;

function encodeBuiltLink(link: BuiltLinkValue, slot: Slot): string {
  switch (slot.context) {
    case 'html':
    case 'attr':
      return link.html;
    case 'url':
      return slot.whole ? link.html : escapeHtml(encodeUriComponentSafely(link.url));
    case 'text':
    case 'sms':
      return link.url;
  }
}

function encodeSlotValue(value: string, slot: Slot): string {
  switch (slot.context) {
    case 'html':
    case 'attr':
      return escapeHtml(value);
    case 'url':
      if (slot.whole) return isSafeAbsoluteUrl(value) ? escapeHtml(value) : INERT_URL;
      return escapeHtml(encodeUriComponentSafely(value));
    case 'text':
    case 'sms':
      return value;
  }
}

/**
 * `facts` decide the template's regions (Show if…, repeats); without them no conditional part is
 * shown and nothing is repeated.
 */
export function fillTemplate(template: TextTemplate, valueOf: SlotValueSource, facts: RecipientFacts = NO_FACTS): string {
  const { singleLine } = template;
  return walkVisible(template, facts, (slot, scope, field) => {
    const given = scopedValue(valueOf, slot, scope, field);
    if (given instanceof BuiltLinkValue) return encodeBuiltLink(given, slot);
    let value = given === undefined || given === null || given === '' ? (slot.fallback ?? '') : given;
    // Callers outside TypeScript's reach (database rows) may hand over numbers.
    if (typeof value !== 'string') value = String(value);
    if (singleLine) value = collapseLineBreaks(value);
    return encodeSlotValue(value, slot);
  });
}

export { sentinel, splitOnSentinels } from './sentinels';
