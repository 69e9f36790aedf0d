/**
 * Magic links are custom values whose key names where the link lands. The server mints one signed
 * token per magic-link slot at send time; everything else about them is just a custom value.
 */
import { parseWholeCustomValue } from './custom-value';
import { FIXED_DESTINATIONS, ITEM_DESTINATIONS, type MagicLinkKind } from './destinations';

export type { MagicLinkKind } from './destinations';

export interface MagicLinkTarget {
  /** `learner`: the member site; `user`: the admin app. */
  kind: MagicLinkKind;
  /** Path below the site root, without leading slash; '' is the home page. */
  destination: string;
}

export type MagicLinkBaseKey = (typeof FIXED_DESTINATIONS)[number]['customValueKey'];

export const MAGIC_LINK_BASE_KEYS: readonly MagicLinkBaseKey[] = FIXED_DESTINATIONS.map((d) => d.customValueKey);

const BASE_TARGETS: ReadonlyMap<string, Readonly<MagicLinkTarget>> = new Map(
  FIXED_DESTINATIONS.map((d) => [d.customValueKey, Object.freeze({ kind: d.kind, destination: d.path })]),
);

/** The id part of a one-item key (`magic_link.course.<id>`): what a custom value key segment may hold. */
const ITEM_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Item keys already read (a send asks for the same few per recipient), bounded: cleared when full.
 * Targets are shared, so callers must not change them.
 */
const itemTargets = new Map<string, Readonly<MagicLinkTarget> | null>();
const MAX_ITEM_TARGETS = 10_000;

export function magicLinkTarget(key: string): Readonly<MagicLinkTarget> | null {
  const base = BASE_TARGETS.get(key);
  if (base) return base;
  let target = itemTargets.get(key);
  if (target === undefined) {
    target = readItemTarget(key);
    if (itemTargets.size >= MAX_ITEM_TARGETS) itemTargets.clear();
    itemTargets.set(key, target);
  }
  return target;
}

function readItemTarget(key: string): Readonly<MagicLinkTarget> | null {
  for (const item of ITEM_DESTINATIONS) {
    if (!key.startsWith(item.customValuePrefix)) continue;
    const id = key.slice(item.customValuePrefix.length);
    return ITEM_ID.test(id) ? Object.freeze({ kind: item.kind, destination: `${item.section}/${id}` }) : null;
  }
  return null;
}

/** Inverse of `magicLinkTarget`; throws for a target no key can express (a programming error). */
export function magicLinkKey(kind: MagicLinkKind, destination: string): string {
  const fixed = FIXED_DESTINATIONS.find((d) => d.kind === kind && d.path === destination);
  if (fixed) return fixed.customValueKey;
  const slash = destination.indexOf('/');
  const item = ITEM_DESTINATIONS.find((d) => d.kind === kind && d.section === destination.slice(0, slash));
  const id = destination.slice(slash + 1);
  if (slash > 0 && item && ITEM_ID.test(id)) return item.customValuePrefix + id;
  throw new RangeError(`No magic link leads a ${kind} to "${destination}"`);
}

export function isMagicLinkKey(key: string): boolean {
  return magicLinkTarget(key) !== null;
}

/** Whether the key names one course or community rather than a fixed section. */
export function isMagicLinkItemKey(key: string): boolean {
  return magicLinkTarget(key) !== null && !BASE_TARGETS.has(key);
}

/** The href a link or button stores to point at a magic link. */
export function magicLinkHref(key: string): string {
  return '{{' + key + '}}';
}

/** The magic-link key when the whole href is one magic-link custom value, else null. */
export function parseMagicLinkHref(href: string): string | null {
  const value = parseWholeCustomValue(href);
  return value && isMagicLinkKey(value.key) ? value.key : null;
}
