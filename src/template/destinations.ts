/**
 * Where a magic link may land: the one list the server (minting, verification, member routes,
 * pages, the site's link descriptions), the catalog, the composer and the admin app all read.
 * Pure data plus lookups; adding a destination here is the whole change.
 */

/** `learner`: the member site (a member's link); `user`: the admin app (staff only: the catalog marks
 * its custom value `audience: 'staff'`). */
export type MagicLinkKind = 'learner' | 'user';

export interface FixedDestination {
  /** A stable name for the destination itself. */
  id: 'home' | 'courses' | 'communities' | 'affiliates' | 'admin';
  kind: MagicLinkKind;
  /** Path below the site root, without leading slash; '' is the home page. */
  path: '' | 'courses' | 'communities' | 'affiliates';
  /** What a marketer picks from: "Member home", "Courses", … */
  label: string;
  /** The heading the member site shows for the section (learner destinations only). */
  pageTitle: string;
  /** The custom value that mints a link to it, without braces. */
  customValueKey: string;
  /** How the catalog names the custom value. */
  catalogLabel: string;
  /** The text a new link to it gets in the composer. */
  linkText: string;
}

export interface ItemDestination {
  id: 'course' | 'community';
  kind: 'learner';
  /** The section whose single items these are: the path is `<section>/<uuid>`. */
  section: 'courses' | 'communities';
  /** The content item kind stored for it. */
  contentKind: 'course' | 'community';
  /** Prefixes the item's title: "Course: Piano basics". */
  label: string;
  /** The custom value prefix: `magic_link.course.<id>`. */
  customValuePrefix: string;
}

export const FIXED_DESTINATIONS = [
  {
    id: 'home',
    kind: 'learner',
    path: '',
    label: 'Member home',
    pageTitle: 'Home',
    customValueKey: 'magic_link.learner',
    catalogLabel: 'Magic link: member home',
    linkText: 'Log in to your account',
  },
  {
    id: 'courses',
    kind: 'learner',
    path: 'courses',
    label: 'Courses',
    pageTitle: 'Courses',
    customValueKey: 'magic_link.courses',
    catalogLabel: 'Magic link: courses',
    linkText: 'Log in to your courses',
  },
  {
    id: 'communities',
    kind: 'learner',
    path: 'communities',
    label: 'Communities',
    pageTitle: 'Communities',
    customValueKey: 'magic_link.communities',
    catalogLabel: 'Magic link: communities',
    linkText: 'Log in to your communities',
  },
  {
    id: 'affiliates',
    kind: 'learner',
    path: 'affiliates',
    label: 'Affiliate portal',
    pageTitle: 'Affiliate portal',
    customValueKey: 'magic_link.affiliates',
    catalogLabel: 'Magic link: affiliates',
    linkText: 'Log in to your affiliate portal',
  },
  {
    id: 'admin',
    kind: 'user',
    path: '',
    label: 'Admin app',
    pageTitle: 'Admin app',
    customValueKey: 'magic_link.user',
    catalogLabel: 'Magic link: admin app',
    linkText: 'Log in to the admin app',
  },
] as const satisfies readonly FixedDestination[];

export const ITEM_DESTINATIONS = [
  { id: 'course', kind: 'learner', section: 'courses', contentKind: 'course', label: 'Course', customValuePrefix: 'magic_link.course.' },
  {
    id: 'community',
    kind: 'learner',
    section: 'communities',
    contentKind: 'community',
    label: 'Community',
    customValuePrefix: 'magic_link.community.',
  },
] as const satisfies readonly ItemDestination[];

/** The member site's fixed sections, in menu order ('' is home). */
export const LEARNER_SECTIONS = FIXED_DESTINATIONS.filter((d) => d.kind === 'learner');

export type LearnerSectionPath = (typeof LEARNER_SECTIONS)[number]['path'];
export type ItemSection = (typeof ITEM_DESTINATIONS)[number]['section'];

/** The fixed destinations of a kind: learners get the sections, users the admin app. */
export function fixedDestinationsFor(kind: MagicLinkKind): readonly FixedDestination[] {
  return FIXED_DESTINATIONS.filter((d) => d.kind === kind);
}

/** The fixed destination of a kind at a path, or undefined. */
export function fixedDestination(kind: MagicLinkKind, path: string): FixedDestination | undefined {
  return FIXED_DESTINATIONS.find((d) => d.kind === kind && d.path === path);
}

/** The item destination for a section path or content kind, or undefined. */
export function itemDestinationOf(by: { section: string } | { contentKind: string }): ItemDestination | undefined {
  return ITEM_DESTINATIONS.find((d) => ('section' in by ? d.section === by.section : d.contentKind === by.contentKind));
}

/** The path of one course or community: `courses/<id>`. */
export function itemPath(contentKind: 'course' | 'community', id: string): string {
  return `${itemDestinationOf({ contentKind })!.section}/${id}`;
}
