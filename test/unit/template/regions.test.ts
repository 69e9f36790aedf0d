/** The per-recipient regions of a compiled template: which item link a card mints, and markers on their own. */
import { describe, expect, it } from 'vitest';
import { compileEmailToText, fillTemplate, type DocNode, type EmailContent } from '../../../src/template/index';
import { ITEM_KEYS, NO_FACTS, regionMarker, type RecipientFacts } from '../../../src/template/regions';
import { concat, slotTemplate } from '../../../src/template/template-fragments';
import { paragraph, text } from './fixtures';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const piano = { list: 'courses' as const, item: { id: 'c1', title: 'Piano', description: 'Scales' } };

describe('a card inside a repeat', () => {
  it("fills its link with that item's own magic link, and its title and description from the item", () => {
    const card = concat(
      regionMarker({ kind: 'repeat', list: 'courses' }, 'text'),
      slotTemplate({ key: ITEM_KEYS.title, context: 'text' }),
      ': ',
      slotTemplate({ key: ITEM_KEYS.description, context: 'text' }),
      ' ',
      slotTemplate({ key: ITEM_KEYS.magicLink, context: 'text' }),
      ' ',
      slotTemplate({ key: 'magic_link.courses', context: 'text' }),
      regionMarker({ kind: 'end' }, 'text'),
      slotTemplate({ key: ITEM_KEYS.title, context: 'text' }),
    );
    const oneCourse: RecipientFacts = { ...NO_FACTS, items: () => [piano.item] };
    // Outside the repeat an item value is just an unknown custom value (its fallback: nothing).
    expect(fillTemplate(card, (slot) => (slot.key.startsWith('magic_link.') ? `<${slot.key}>` : undefined), oneCourse)).toBe(
      'Piano: Scales <magic_link.course.c1> <magic_link.courses>',
    );
  });
});

describe('filling regions', () => {
  it('writes nothing for a marker whose partner is missing (MJML dropped it)', () => {
    const lone = concat('a', regionMarker({ kind: 'end' }, 'text'), 'b', regionMarker({ kind: 'show_if', condition: { kind: 'no_offer' } }, 'text'), 'c');
    expect(fillTemplate(lone, () => 'X')).toBe('abc');
  });

  it('leaves no blank lines behind an unlocked items block a recipient has no items for', () => {
    const plain = compileEmailToText(email(paragraph(text('Intro')), { type: 'unlockedItems', attrs: { list: 'courses' } }, paragraph(text('Bye'))));
    const oneCourse: RecipientFacts = { ...NO_FACTS, items: () => [piano.item] };
    expect(fillTemplate(plain, () => 'L', NO_FACTS)).toBe('Intro\n\nBye');
    expect(fillTemplate(plain, () => 'https://s.example/l', oneCourse)).toBe('Intro\n\nPiano\nScales\nOpen: https://s.example/l\n\nBye');
  });
});
