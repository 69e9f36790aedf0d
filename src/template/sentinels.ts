/**
 * How slots travel through MJML: each slot is written as a sentinel word made of letters, digits and
 * hyphens only, which MJML copies unchanged into text and attributes; afterwards the HTML is cut at
 * every sentinel. MJML may repeat content (Outlook conditionals), so one slot can come back several
 * times; every occurrence becomes its own slot entry.
 */
import type { Slot, TextTemplate } from './slots';

const SENTINEL_PREFIX = 'ml-slot-';
const SENTINEL = /ml-slot-(\d+)-x/g;

export function sentinel(index: number): string {
  return `${SENTINEL_PREFIX}${index}-x`;
}

/**
 * Literal markup must never contain a sentinel by accident (an author may type "ml-slot-1-x").
 * Numeric character references read the same in HTML text and attributes and MJML keeps them
 * verbatim, so breaking the prefix's hyphen is invisible to the reader but not to the splitter.
 * Applied to whole literal runs, so adjacent text nodes cannot assemble a prefix either.
 */
function breakSentinelLookalikes(markup: string): string {
  return markup.includes('ml-slot') ? markup.replaceAll('ml-slot', 'ml&#45;slot') : markup;
}

function slotIdentity(slot: Slot): string {
  return JSON.stringify([slot.context, slot.whole === true, slot.key, slot.fallback ?? '', slot.region ?? null]);
}

/** Writes a template of markup as one string with sentinels; identical slots share a sentinel. */
export function joinWithSentinels(template: TextTemplate): { markup: string; slots: Slot[] } {
  const slots: Slot[] = [];
  const indexOf = new Map<string, number>();
  let markup = breakSentinelLookalikes(template.parts[0]);
  template.slots.forEach((slot, i) => {
    const identity = slotIdentity(slot);
    let index = indexOf.get(identity);
    if (index === undefined) {
      index = slots.length;
      indexOf.set(identity, index);
      slots.push(slot);
    }
    markup += sentinel(index) + breakSentinelLookalikes(template.parts[i + 1]);
  });
  return { markup, slots };
}

export function splitOnSentinels(html: string, slots: readonly Slot[]): TextTemplate {
  const parts: string[] = [];
  const found: Slot[] = [];
  let partStart = 0;
  for (const match of html.matchAll(SENTINEL)) {
    const slot = slots[Number(match[1])];
    if (!slot) throw new Error(`Compiled HTML names slot ${match[1]}, but only ${slots.length} exist`);
    parts.push(html.slice(partStart, match.index));
    found.push(slot);
    partStart = match.index + match[0].length;
  }
  parts.push(html.slice(partStart));
  return { parts, slots: found };
}
