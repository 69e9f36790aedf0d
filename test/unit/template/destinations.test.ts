import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, catalogHas } from '../../../src/template/catalog';
import {
  FIXED_DESTINATIONS,
  ITEM_DESTINATIONS,
  LEARNER_SECTIONS,
  fixedDestination,
  fixedDestinationsFor,
  itemDestinationOf,
  itemPath,
} from '../../../src/template/destinations';
import { magicLinkKey, magicLinkTarget } from '../../../src/template/magic-link-keys';
import { isValidDestinationFor } from '../../../server/links/destinations.ts';
import { destinationsFor } from '../../../src/composer/magic-link/magic-link-destinations';

const ID = '3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c';

describe('the destination list', () => {
  it.each(FIXED_DESTINATIONS)('$id has a label, a catalog entry and a key that round-trips', (d) => {
    expect(d.label.trim()).not.toBe('');
    expect(d.linkText.trim()).not.toBe('');
    const entry = DEFAULT_CATALOG.find((value) => value.key === d.customValueKey);
    expect(entry).toMatchObject({ group: 'magic_link', label: d.catalogLabel });
    expect(magicLinkTarget(d.customValueKey)).toEqual({ kind: d.kind, destination: d.path });
    expect(magicLinkKey(d.kind, d.path)).toBe(d.customValueKey);
    expect(isValidDestinationFor(d.kind, d.path)).toBe(true);
  });

  it.each(ITEM_DESTINATIONS)('one $id has a label, is accepted by the catalog and round-trips', (d) => {
    expect(d.label.trim()).not.toBe('');
    const key = d.customValuePrefix + ID;
    expect(catalogHas(DEFAULT_CATALOG, key)).toBe(true);
    expect(magicLinkTarget(key)).toEqual({ kind: 'learner', destination: `${d.section}/${ID}` });
    expect(magicLinkKey('learner', `${d.section}/${ID}`)).toBe(key);
    expect(isValidDestinationFor('learner', `${d.section}/${ID}`)).toBe(true);
  });

  it('gives the composer the same labels as everywhere else ("Affiliate portal")', () => {
    expect(destinationsFor('learner', []).map((option) => option.label)).toEqual(['Member home', 'Courses', 'Communities', 'Affiliate portal']);
    expect(destinationsFor('user', []).map((option) => option.label)).toEqual(['Admin app']);
  });
});

describe('destination lookups', () => {
  it('lists the fixed destinations of each kind: learners the member site sections, users the admin app', () => {
    expect(fixedDestinationsFor('learner').map((d) => d.id)).toEqual(['home', 'courses', 'communities', 'affiliates']);
    expect(fixedDestinationsFor('user').map((d) => d.id)).toEqual(['admin']);
    expect(LEARNER_SECTIONS.map((d) => d.path)).toEqual(['', 'courses', 'communities', 'affiliates']);
  });

  it('finds a fixed destination by kind and path: the same path is home for learners and the admin app for users', () => {
    expect(fixedDestination('learner', '')?.id).toBe('home');
    expect(fixedDestination('user', '')?.id).toBe('admin');
    expect(fixedDestination('learner', 'courses')?.label).toBe('Courses');
    expect(fixedDestination('user', 'courses')).toBeUndefined();
    expect(fixedDestination('learner', 'admin')).toBeUndefined();
  });

  it('finds an item destination by its section path or by its content kind', () => {
    expect(itemDestinationOf({ section: 'courses' })?.id).toBe('course');
    expect(itemDestinationOf({ section: 'communities' })?.id).toBe('community');
    expect(itemDestinationOf({ contentKind: 'community' })?.section).toBe('communities');
    expect(itemDestinationOf({ contentKind: 'course' })?.section).toBe('courses');
    // A section is not a content kind, nor the other way round.
    expect(itemDestinationOf({ section: 'course' })).toBeUndefined();
    expect(itemDestinationOf({ contentKind: 'courses' })).toBeUndefined();
  });

  it("gives an item's path below its section", () => {
    expect(itemPath('course', ID)).toBe(`courses/${ID}`);
    expect(itemPath('community', ID)).toBe(`communities/${ID}`);
  });
});
