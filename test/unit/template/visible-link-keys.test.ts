/**
 * Which magic links a recipient's copy carries, read from the template's link plan (its link slots
 * and the regions around them) rather than a walk of the whole template: the plan must name
 * exactly the links a fill writes, in the same order, for every shape of regions.
 */
import { describe, expect, it } from 'vitest';
import { magicLinkTarget } from '../../../src/template/magic-link-keys';
import {
  addVisibleLinkKeys,
  gapMarker,
  itemLinkKey,
  ITEM_KEYS,
  NO_FACTS,
  regionMarker,
  walkVisible,
  type RecipientFacts,
  type RegionMarker,
  type RepeatItem,
} from '../../../src/template/regions';
import type { Slot, TextTemplate } from '../../../src/template/slots';
import { concat, slotTemplate, type Fragment } from '../../../src/template/template-fragments';

const OFFER = '6f1c2a52-3c55-4e29-9a43-5a3f9d1f0a11';
const courses: RepeatItem[] = [
  { id: 'c1', title: 'Piano', description: 'Scales' },
  { id: 'c2', title: 'Guitar', description: 'Chords' },
];
const communities: RepeatItem[] = [{ id: 'g1', title: 'Players', description: 'Talk' }];

const goldMember: RecipientFacts = {
  holdsOffer: (id) => id === OFFER,
  holdsAnyOffer: () => true,
  customField: (field) => (field === 'level' ? ' Advanced ' : undefined),
  items: (list) => (list === 'courses' ? courses : communities),
};
const FACTS: [string, RecipientFacts][] = [
  ['a recipient with nothing', NO_FACTS],
  ['a gold member with items', goldMember],
  ['a member of another offer, no items', { ...NO_FACTS, holdsAnyOffer: () => true, customField: () => 'beginner' }],
];

/** The question answered by walking everything a fill would write (what `recipientLinkKeys` did before the plan). */
function walkedLinkKeys(template: TextTemplate, facts: RecipientFacts): string[] {
  const keys = new Set<string>();
  walkVisible(template, facts, (slot, scope) => {
    // A card's link is the item's own magic link inside a repeat; outside one, `item.magic_link` is no link.
    const key = scope && slot.key === ITEM_KEYS.magicLink ? itemLinkKey(scope.list, scope.item.id) : slot.key;
    if (magicLinkTarget(key)) keys.add(key);
    return '';
  });
  return [...keys];
}

function plannedLinkKeys(template: TextTemplate, facts: RecipientFacts): string[] {
  const keys = new Set<string>();
  addVisibleLinkKeys(template, facts, keys);
  return [...keys];
}

const value = (key: string): TextTemplate => slotTemplate({ key, context: 'html' } as Slot);
const marker = (region: RegionMarker): TextTemplate => regionMarker(region, 'html');
const PIECES: (() => Fragment)[] = [
  () => 'text ',
  () => value('contact.first_name'),
  () => value('magic_link.courses'),
  () => value('magic_link.communities'),
  () => value('magic_link.affiliates'),
  () => value(ITEM_KEYS.magicLink),
  () => value(ITEM_KEYS.title),
  () => marker({ kind: 'show_if', condition: { kind: 'offer', offerId: OFFER } }),
  () => marker({ kind: 'show_if', condition: { kind: 'no_offer' } }),
  () => marker({ kind: 'show_if', condition: { kind: 'field', field: 'level', value: 'advanced' } }),
  () => marker({ kind: 'repeat', list: 'courses' }),
  () => marker({ kind: 'repeat', list: 'communities' }),
  () => marker({ kind: 'end' }),
  () => marker({ kind: 'end' }),
  () => gapMarker('\n\n'),
];

/** A deterministic stream of numbers in [0, 1) (mulberry32), so a failure names a seed that repeats it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any sequence of pieces: regions nested, side by side, empty, or missing a partner. */
function randomTemplate(next: () => number): TextTemplate {
  const length = 1 + Math.floor(next() * 24);
  return concat(...Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]()));
}

describe('the magic links a recipient receives (link plan)', () => {
  it('are the links a fill writes, in its order, for 3,000 random templates and three recipients', () => {
    let withLinks = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const template = randomTemplate(random(seed));
      for (const [who, facts] of FACTS) {
        const walked = walkedLinkKeys(template, facts);
        expect(plannedLinkKeys(template, facts), `seed ${seed}, ${who}`).toEqual(walked);
        if (walked.length > 0) withLinks++;
      }
    }
    // The generator must reach the cases that matter, not only empty answers.
    expect(withLinks).toBeGreaterThan(3000);
  });

  it('leave out a hidden link, give each repeated item its own, and ignore a card link outside a repeat', () => {
    const template = concat(
      value('magic_link.courses'),
      marker({ kind: 'show_if', condition: { kind: 'no_offer' } }),
      value('magic_link.affiliates'),
      marker({ kind: 'end' }),
      marker({ kind: 'repeat', list: 'courses' }),
      value(ITEM_KEYS.title),
      value(ITEM_KEYS.magicLink),
      marker({ kind: 'end' }),
      value(ITEM_KEYS.magicLink),
    );
    expect(plannedLinkKeys(template, goldMember)).toEqual(['magic_link.courses', 'magic_link.course.c1', 'magic_link.course.c2']);
    expect(plannedLinkKeys(template, NO_FACTS)).toEqual(['magic_link.courses', 'magic_link.affiliates']);
  });

  it('add to what earlier templates of the same message found, once each', () => {
    const keys = new Set<string>();
    addVisibleLinkKeys(concat(value('magic_link.communities'), value('magic_link.courses')), NO_FACTS, keys);
    addVisibleLinkKeys(concat(value('magic_link.courses'), value('magic_link.affiliates')), NO_FACTS, keys);
    expect([...keys]).toEqual(['magic_link.communities', 'magic_link.courses', 'magic_link.affiliates']);
  });
});
