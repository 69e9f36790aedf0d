/**
 * Regions: parts of a compiled template decided per recipient at fill time, so the email is still
 * compiled once. A region is opened and closed by two marker slots (sentinels that survive MJML
 * like any other slot); between them sits ordinary literal text and slots.
 * - `show_if`: the inside is kept or dropped for the recipient;
 * - `repeat`: the inside is filled once per item the recipient can open, with `item.*` values.
 */
import { magicLinkKey, magicLinkTarget } from './magic-link-keys';
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
  | { kind: 'end' }
  /**
   * A separator between plain-text blocks next to a region: written only between two pieces of
   * output (never first or last), and once however many meet, so a dropped region leaves no blank.
   */
  | { kind: 'gap'; text: string };

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
export type ItemField = keyof typeof ITEM_KEYS;
const ITEM_FIELD_OF_KEY: ReadonlyMap<string, ItemField> = new Map(Object.entries(ITEM_KEYS).map(([field, key]) => [key, field as ItemField]));

/** The repeat item a slot is filled for, inside a repeat. */
export interface ItemScope {
  list: RepeatList;
  item: RepeatItem;
}

const REGION_KEYS = { show_if: 'region.show_if', repeat: 'region.repeat', end: 'region.end', gap: 'region.gap' } as const;

export function regionMarker(region: RegionMarker, context: SlotContext): TextTemplate {
  return slotTemplate({ key: REGION_KEYS[region.kind], context, region });
}

/** `inside` wrapped in the region's open and end markers. */
export function regionTemplate(region: Extract<RegionMarker, { kind: 'show_if' | 'repeat' }>, context: SlotContext, inside: Fragment): TextTemplate {
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

/**
 * The same, remembered per item object: a fill asks it at every occurrence of the item's link
 * (HTML and text, and again when choosing which links to mint), and the one string it returns
 * keeps its hash for the lookups that follow.
 */
const itemKeys: Record<RepeatList, WeakMap<RepeatItem, string>> = { courses: new WeakMap(), communities: new WeakMap() };
function itemLinkKeyOf(list: RepeatList, item: RepeatItem): string {
  let key = itemKeys[list].get(item);
  if (key === undefined) {
    key = itemLinkKey(list, item.id);
    itemKeys[list].set(item, key);
  }
  return key;
}

/** What a walk needs to know of a template's regions, worked out once per template (they are not changed once built). */
interface RegionLayout {
  /** For each opening marker, the index of its end marker; -1 elsewhere (and for a marker without its partner). */
  ends: Int32Array;
  /** For each slot, the item value it asks for inside a repeat (read once here, not compared per recipient). */
  itemFields: readonly (ItemField | undefined)[];
}

const layouts = new WeakMap<TextTemplate, RegionLayout | null>();

/** null when the template has no region (the common case). */
function regionLayout(template: TextTemplate): RegionLayout | null {
  let layout = layouts.get(template);
  if (layout === undefined) {
    layout = template.slots.some((slot) => slot.region !== undefined)
      ? { ends: matchingEnds(template.slots), itemFields: template.slots.map((slot) => ITEM_FIELD_OF_KEY.get(slot.key)) }
      : null;
    layouts.set(template, layout);
  }
  return layout;
}

export function hasRegions(template: TextTemplate): boolean {
  return regionLayout(template) !== null;
}

/** For each opening marker, the index of its end marker (MJML keeps order, so they nest). */
function matchingEnds(slots: readonly Slot[]): Int32Array {
  const ends = new Int32Array(slots.length).fill(-1);
  const open: number[] = [];
  slots.forEach((slot, i) => {
    if (!slot.region) return;
    if (slot.region.kind === 'show_if' || slot.region.kind === 'repeat') open.push(i);
    else if (slot.region.kind === 'end' && open.length > 0) ends[open.pop()!] = i;
  });
  return ends;
}

/**
 * A template's magic-link slots with the regions around them, everything else left out: what
 * "which links does this recipient receive" walks (per recipient, before minting) instead of the
 * whole template. Built once per template by the same rules as `RegionWalk.render`, so it visits
 * exactly the link slots a fill would.
 */
type LinkPlan = readonly LinkPlanStep[];
type LinkPlanStep =
  /** `key`: a magic link's own key; null for a card's link (`item.magic_link`), the item's in a repeat and no link outside. */
  | { key: string | null; region?: undefined; inside?: undefined }
  | { key?: undefined; region: Extract<RegionMarker, { kind: 'show_if' | 'repeat' }>; inside: LinkPlan };

const linkPlans = new WeakMap<TextTemplate, LinkPlan>();

function linkPlanOf(template: TextTemplate): LinkPlan {
  let plan = linkPlans.get(template);
  if (plan === undefined) {
    const layout = regionLayout(template);
    plan = layout
      ? planLinks(template.slots, layout.ends, 0, template.slots.length)
      : template.slots.filter((slot) => magicLinkTarget(slot.key)).map((slot) => ({ key: slot.key }));
    linkPlans.set(template, plan);
  }
  return plan;
}

/** Slots first … last-1, as `RegionWalk.render` goes through them; regions without a link inside are dropped. */
function planLinks(slots: readonly Slot[], ends: Int32Array, first: number, last: number): LinkPlan {
  const plan: LinkPlanStep[] = [];
  let i = first;
  while (i < last) {
    const slot = slots[i];
    const region = slot.region;
    const end = ends[i];
    if (region && end !== -1 && end <= last) {
      const inside = planLinks(slots, ends, i + 1, end);
      if (inside.length > 0 && (region.kind === 'show_if' || region.kind === 'repeat')) plan.push({ region, inside });
      i = end + 1;
      continue;
    }
    if (!region && slot.key === ITEM_KEYS.magicLink) plan.push({ key: null });
    else if (!region && magicLinkTarget(slot.key)) plan.push({ key: slot.key });
    i++;
  }
  return plan;
}

/** Adds to `keys` the magic-link key of every link this recipient's copy of `template` carries (in the order a fill meets them). */
export function addVisibleLinkKeys(template: TextTemplate, facts: RecipientFacts, keys: Set<string>): void {
  addPlannedKeys(linkPlanOf(template), facts, undefined, keys);
}

function addPlannedKeys(plan: LinkPlan, facts: RecipientFacts, scope: ItemScope | undefined, keys: Set<string>): void {
  for (const step of plan) {
    if (step.region === undefined) {
      // Outside a repeat a card's link is no link (its value is its `item.` key's: none).
      if (step.key !== null) keys.add(step.key);
      else if (scope) keys.add(itemLinkKeyOf(scope.list, scope.item));
    } else if (step.region.kind === 'show_if') {
      if (conditionHolds(step.region.condition, facts)) addPlannedKeys(step.inside, facts, scope, keys);
    } else {
      const list = step.region.list;
      for (const item of facts.items(list)) addPlannedKeys(step.inside, facts, { list, item }, keys);
    }
  }
}

/** A value slot as it is filled: `scope` is the repeat item in scope, if any, and `field` the item value the slot asks for there. */
export type VisibleSlotVisitor = (slot: Slot, scope: ItemScope | undefined, field: ItemField | undefined) => string;

/**
 * Walks what this recipient gets: hidden regions are skipped, repeats run once per item, and every
 * value slot met is handed to `visit` (whose result is written in its place). Markers write nothing.
 * The fill's walk; "which links does this recipient receive" walks the template's link plan by
 * the same rules (`addVisibleLinkKeys`), and test/unit/template/visible-link-keys.test.ts holds
 * the two to the same answer.
 */
export function walkVisible(template: TextTemplate, facts: RecipientFacts, visit: VisibleSlotVisitor): string {
  const { parts, slots } = template;
  const layout = regionLayout(template);
  if (!layout) {
    // The common case, kept as lean as the fill was before regions existed.
    let plain = parts[0];
    for (let i = 0; i < slots.length; i++) plain += visit(slots[i], undefined, undefined) + parts[i + 1];
    return plain;
  }
  const walk = new RegionWalk(template, layout, facts, visit);
  walk.render(0, slots.length, undefined);
  return walk.out;
}

/** One walk's output and pending separator (a class, not closures: a fill runs it per recipient). */
class RegionWalk {
  out = '';
  #gap: string | null = null;
  readonly #parts: readonly string[];
  readonly #slots: readonly Slot[];
  readonly #ends: Int32Array;
  readonly #itemFields: RegionLayout['itemFields'];
  readonly #facts: RecipientFacts;
  readonly #visit: VisibleSlotVisitor;

  constructor(template: TextTemplate, layout: RegionLayout, facts: RecipientFacts, visit: VisibleSlotVisitor) {
    this.#parts = template.parts;
    this.#slots = template.slots;
    this.#ends = layout.ends;
    this.#itemFields = layout.itemFields;
    this.#facts = facts;
    this.#visit = visit;
  }

  #write(piece: string): void {
    if (piece === '') return;
    if (this.#gap !== null) this.out += this.#gap;
    this.#gap = null;
    this.out += piece;
  }

  /** parts[first] … parts[last], with slots first … last-1 between them. */
  render(first: number, last: number, scope: ItemScope | undefined): void {
    const parts = this.#parts;
    this.#write(parts[first]);
    let i = first;
    while (i < last) {
      const slot = this.#slots[i];
      const region = slot.region;
      const end = this.#ends[i];
      if (region && end !== -1 && end <= last) {
        if (region.kind === 'show_if') {
          if (conditionHolds(region.condition, this.#facts)) this.render(i + 1, end, scope);
        } else if (region.kind === 'repeat') {
          for (const item of this.#facts.items(region.list)) this.render(i + 1, end, { list: region.list, item });
        }
        this.#write(parts[end + 1]);
        i = end + 1;
        continue;
      }
      if (region?.kind === 'gap') {
        if (this.out !== '' && this.#gap === null) this.#gap = region.text;
      } else if (!region) {
        this.#write(this.#visit(slot, scope, scope && this.#itemFields[i]));
      } // A marker without its partner (MJML dropped one; compile warns) writes nothing.
      this.#write(parts[i + 1]);
      i++;
    }
  }
}

/** An item link's slot under the item's own key, made once per slot and item (a fill asks for it per recipient). */
const itemLinkSlots = new WeakMap<Slot, Map<string, Slot>>();
function itemLinkSlot(slot: Slot, key: string): Slot {
  let byKey = itemLinkSlots.get(slot);
  if (byKey === undefined) itemLinkSlots.set(slot, (byKey = new Map()));
  let keyed = byKey.get(key);
  if (keyed === undefined) {
    if (byKey.size >= MAX_ITEM_LINK_SLOTS) byKey.clear();
    byKey.set(key, (keyed = { ...slot, key }));
  }
  return keyed;
}
/** Bounds each slot's map (a site's courses and communities are far fewer). */
const MAX_ITEM_LINK_SLOTS = 10_000;

/**
 * The value source inside a repeat: `item.*` from the item (its link through `valueOf` under the
 * item's own magic-link key, so it is minted like any other link); everything else unchanged.
 */
export function scopedValue(valueOf: SlotValueSource, slot: Slot, scope: ItemScope | undefined, field: ItemField | undefined) {
  if (scope) {
    switch (field) {
      case 'title':
        return scope.item.title;
      case 'description':
        return scope.item.description;
      case 'magicLink':
        return valueOf(itemLinkSlot(slot, itemLinkKeyOf(scope.list, scope.item)));
    }
  }
  return valueOf(slot);
}

/**
 * Joins sibling blocks of plain text with `separator` so that a dropped region leaves no extra
 * separator: next to a region the separator is a gap (see `RegionMarker`), the region's own one
 * inside it, so it goes with the region.
 */
export function joinBlocks(blocks: readonly TextTemplate[], separator: string): TextTemplate {
  const out: Fragment[] = [];
  let previousIsRegion = false;
  blocks.forEach((block, i) => {
    const isRegion = opensRegion(block);
    if (i > 0 && isRegion) {
      out.push(withLeadingGap(block, separator));
    } else {
      if (i > 0) out.push(previousIsRegion ? gapMarker(separator) : separator);
      out.push(block);
    }
    previousIsRegion = isRegion;
  });
  return concat(...out);
}

export function gapMarker(text: string): TextTemplate {
  return slotTemplate({ key: REGION_KEYS.gap, context: 'text', region: { kind: 'gap', text } });
}

function opensRegion(block: TextTemplate): boolean {
  const kind = block.slots[0]?.region?.kind;
  return block.parts[0] === '' && (kind === 'show_if' || kind === 'repeat');
}

/** The block starts with its open marker: the gap goes right after it. */
function withLeadingGap(block: TextTemplate, separator: string): TextTemplate {
  const gap = gapMarker(separator);
  return { ...block, parts: ['', '', ...block.parts.slice(1)], slots: [block.slots[0], gap.slots[0], ...block.slots.slice(1)] };
}
