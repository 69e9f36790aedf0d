/**
 * Regions: parts of a compiled template decided per recipient at fill time, so the email is still
 * compiled once. A region is opened and closed by two marker slots (sentinels that survive MJML
 * like any other slot); between them sits ordinary literal text and slots.
 * - `show_if`: the inside is kept or dropped for the recipient;
 * - `repeat`: the inside is filled once per item the recipient can open, with `item.*` values.
 */
import { magicLinkKey } from './magic-link-keys';
import type { Slot, SlotContext, SlotValueSource, TextTemplate } from './slots';
import { slotTemplate, type Fragment, concat } from './template-fragments';

/** Who sees a Show if… block. Field values compare trimmed and case-insensitively. */
export type ShowIfCondition =
  | { kind: 'offer'; offerId: string }
  | { kind: 'no_offer' }
  | { kind: 'field'; field: string; value: string };

/** What a repeat block goes through: the member site sections whose items an offer unlocks. */
export const REPEAT_LISTS = ['courses', 'communities'] as const;
export type RepeatList = (typeof REPEAT_LISTS)[number];

export type RegionMarker =
  | { kind: 'show_if'; condition: ShowIfCondition }
  | { kind: 'repeat'; list: RepeatList }
  | { kind: 'end' };

/** One course or community a repeat block shows a card for. */
export interface RepeatItem {
  id: string;
  title: string;
  description: string;
}

/** What the fill needs to know about the recipient to decide regions (batch-loaded per send). */
export interface RecipientFacts {
  holdsOffer(offerId: string): boolean;
  holdsAnyOffer(): boolean;
  /** The contact's custom field, or undefined when unset. */
  customField(field: string): string | undefined;
  items(list: RepeatList): readonly RepeatItem[];
}

/** Nobody: a fill without facts shows no conditional part and repeats nothing. */
export const NO_FACTS: RecipientFacts = {
  holdsOffer: () => false,
  holdsAnyOffer: () => false,
  customField: () => undefined,
  items: () => [],
};

/** The values a repeated card may use; only meaningful inside a repeat region. */
export const ITEM_KEYS = { title: 'item.title', description: 'item.description', magicLink: 'item.magic_link' } as const;

const REGION_KEYS = { show_if: 'region.show_if', repeat: 'region.repeat', end: 'region.end' } as const;

export function regionMarker(region: RegionMarker, context: SlotContext): TextTemplate {
  return slotTemplate({ key: REGION_KEYS[region.kind], context, region });
}

/** `inside` wrapped in the region's open and end markers. */
export function regionTemplate(region: Exclude<RegionMarker, { kind: 'end' }>, context: SlotContext, inside: Fragment): TextTemplate {
  return concat(regionMarker(region, context), inside, regionMarker({ kind: 'end' }, context));
}

export function conditionHolds(condition: ShowIfCondition, facts: RecipientFacts): boolean {
  switch (condition.kind) {
    case 'offer':
      return facts.holdsOffer(condition.offerId);
    case 'no_offer':
      return !facts.holdsAnyOffer();
    case 'field':
      return (facts.customField(condition.field) ?? '').trim().toLowerCase() === condition.value.trim().toLowerCase();
  }
}

/** The magic-link key of one item's own link (`magic_link.course.<id>`). */
export function itemLinkKey(list: RepeatList, itemId: string): string {
  return magicLinkKey('learner', `${list}/${itemId}`);
}

export function hasRegions(template: TextTemplate): boolean {
  return template.slots.some((slot) => slot.region !== undefined);
}

/** For each opening marker, the index of its end marker (MJML keeps order, so they nest). */
function matchingEnds(slots: readonly Slot[]): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  slots.forEach((slot, i) => {
    if (!slot.region) return;
    if (slot.region.kind !== 'end') open.push(i);
    else if (open.length > 0) ends.set(open.pop()!, i);
  });
  return ends;
}

/** A value slot as it is filled: `item` is the repeat item in scope, if any. */
export type VisibleSlotVisitor = (slot: Slot, item: { list: RepeatList; item: RepeatItem } | undefined) => string;

/**
 * Walks what this recipient gets: hidden regions are skipped, repeats run once per item, and every
 * value slot met is handed to `visit` (whose result is written in its place). Markers write nothing.
 * One walker serves the fill and the question "which links does this recipient receive".
 */
export function walkVisible(template: TextTemplate, facts: RecipientFacts, visit: VisibleSlotVisitor): string {
  const { parts, slots } = template;
  const ends = hasRegions(template) ? matchingEnds(slots) : new Map<number, number>();
  const render = (first: number, last: number, scope: Parameters<VisibleSlotVisitor>[1]): string => {
    // parts[first] … parts[last], with slots first … last-1 between them.
    let out = parts[first];
    let i = first;
    while (i < last) {
      const slot = slots[i];
      const end = ends.get(i);
      if (slot.region && end !== undefined && end <= last) {
        const region = slot.region;
        if (region.kind === 'show_if') {
          if (conditionHolds(region.condition, facts)) out += render(i + 1, end, scope);
        } else if (region.kind === 'repeat') {
          for (const item of facts.items(region.list)) out += render(i + 1, end, { list: region.list, item });
        }
        out += parts[end + 1];
        i = end + 1;
        continue;
      }
      // A marker without its partner (MJML dropped one; compile warns) writes nothing.
      out += (slot.region ? '' : visit(slot, scope)) + parts[i + 1];
      i++;
    }
    return out;
  };
  return render(0, slots.length, undefined);
}

/**
 * The value source inside a repeat: `item.*` from the item (its link through `valueOf` under the
 * item's own magic-link key, so it is minted like any other link); everything else unchanged.
 */
export function scopedValue(valueOf: SlotValueSource, slot: Slot, scope: Parameters<VisibleSlotVisitor>[1]) {
  if (scope && slot.key.startsWith('item.')) {
    switch (slot.key) {
      case ITEM_KEYS.title:
        return scope.item.title;
      case ITEM_KEYS.description:
        return scope.item.description;
      case ITEM_KEYS.magicLink:
        return valueOf({ ...slot, key: itemLinkKey(scope.list, scope.item.id) });
    }
  }
  return valueOf(slot);
}

/** The key a slot is filled from for this recipient (item links become the item's own key). */
export function effectiveKey(slot: Slot, scope: Parameters<VisibleSlotVisitor>[1]): string {
  return scope && slot.key === ITEM_KEYS.magicLink ? itemLinkKey(scope.list, scope.item.id) : slot.key;
}

/**
 * Joins sibling blocks of plain text with `separator` so that a dropped region leaves no extra
 * separator: a region carries its own, after its content while no plain block came before it, before
 * its content afterwards.
 */
export function joinBlocks(blocks: readonly TextTemplate[], separator: string): TextTemplate {
  const out: Fragment[] = [];
  let plainSeen = false;
  for (const block of blocks) {
    const opens = block.parts[0] === '' && block.slots[0]?.region !== undefined && block.slots[0].region.kind !== 'end';
    if (opens) out.push(withSeparator(block, separator, plainSeen ? 'before' : 'after'));
    else {
      if (plainSeen) out.push(separator);
      out.push(block);
      plainSeen = true;
    }
  }
  return concat(...out);
}

/** Puts the separator just inside the region's markers (the block starts with the open marker and ends with its end). */
function withSeparator(block: TextTemplate, separator: string, where: 'before' | 'after'): TextTemplate {
  const parts = [...block.parts];
  if (where === 'before') parts[1] = separator + parts[1];
  else parts[parts.length - 2] += separator;
  return { ...block, parts };
}
