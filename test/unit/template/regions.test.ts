/** The per-recipient regions of a compiled template: which item link a card mints, and markers on their own. */
import { describe, expect, it } from 'vitest';
import { compileEmailToText, fillTemplate, type DocNode, type EmailContent } from '../../../src/template/index';
import { effectiveKey, ITEM_KEYS, NO_FACTS, regionMarker, type RecipientFacts } from '../../../src/template/regions';
import { concat } from '../../../src/template/template-fragments';
import { paragraph, text } from './fixtures';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const piano = { list: 'courses' as const, item: { id: 'c1', title: 'Piano', description: 'Scales' } };

describe('effectiveKey', () => {
  it("turns a card's link into that item's own magic link, and leaves every other slot's key", () => {
    expect(effectiveKey({ key: ITEM_KEYS.magicLink, context: 'url', whole: true }, piano)).toBe('magic_link.course.c1');
    expect(effectiveKey({ key: ITEM_KEYS.title, context: 'html' }, piano)).toBe(ITEM_KEYS.title);
    expect(effectiveKey({ key: 'magic_link.courses', context: 'url' }, piano)).toBe('magic_link.courses');
    expect(effectiveKey({ key: ITEM_KEYS.magicLink, context: 'url' }, undefined)).toBe(ITEM_KEYS.magicLink);
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
