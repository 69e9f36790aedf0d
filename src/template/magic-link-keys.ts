/**
 * Magic links are custom values whose key names where the link lands. The server mints one signed
 * token per magic-link slot at send time; everything else about them is just a custom value.
 */
import { parseWholeCustomValue } from './custom-value';

export type MagicLinkKind = 'learner' | 'user';

export interface MagicLinkTarget {
  /** `learner`: the member site; `user`: the admin app. */
  kind: MagicLinkKind;
  /** Path below the site root, without leading slash; '' is the home page. */
  destination: string;
}

const BASE_TARGETS = {
  'magic_link.learner': { kind: 'learner', destination: '' },
  'magic_link.courses': { kind: 'learner', destination: 'courses' },
  'magic_link.communities': { kind: 'learner', destination: 'communities' },
  'magic_link.affiliates': { kind: 'learner', destination: 'affiliates' },
  'magic_link.user': { kind: 'user', destination: '' },
} as const satisfies Record<string, MagicLinkTarget>;

export type MagicLinkBaseKey = keyof typeof BASE_TARGETS;

export const MAGIC_LINK_BASE_KEYS = Object.keys(BASE_TARGETS) as readonly MagicLinkBaseKey[];

/** One course or community; the singular key segment maps to the plural section path. */
const ITEM_KEY = /^magic_link\.(course|community)\.([A-Za-z0-9_-]+)$/;
const ITEM_DESTINATION = /^(courses|communities)\/([A-Za-z0-9_-]+)$/;
const SECTION_OF_ITEM = { course: 'courses', community: 'communities' } as const;
const ITEM_OF_SECTION = { courses: 'course', communities: 'community' } as const;

export function magicLinkTarget(key: string): MagicLinkTarget | null {
  if (Object.hasOwn(BASE_TARGETS, key)) return { ...BASE_TARGETS[key as MagicLinkBaseKey] };
  const item = ITEM_KEY.exec(key);
  if (!item) return null;
  const section = SECTION_OF_ITEM[item[1] as keyof typeof SECTION_OF_ITEM];
  return { kind: 'learner', destination: `${section}/${item[2]}` };
}

/** Inverse of `magicLinkTarget`; throws for a target no key can express (a programming error). */
export function magicLinkKey(kind: MagicLinkKind, destination: string): string {
  for (const key of MAGIC_LINK_BASE_KEYS) {
    const target = BASE_TARGETS[key];
    if (target.kind === kind && target.destination === destination) return key;
  }
  const item = kind === 'learner' ? ITEM_DESTINATION.exec(destination) : null;
  if (item) {
    return `magic_link.${ITEM_OF_SECTION[item[1] as keyof typeof ITEM_OF_SECTION]}.${item[2]}`;
  }
  throw new RangeError(`No magic link leads a ${kind} to "${destination}"`);
}

export function isMagicLinkKey(key: string): boolean {
  return magicLinkTarget(key) !== null;
}

/** Whether the key names one course or community rather than a fixed section. */
export function isMagicLinkItemKey(key: string): boolean {
  return ITEM_KEY.test(key);
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
