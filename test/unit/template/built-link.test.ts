import { describe, expect, it } from 'vitest';
import { builtLink, linkPrefix } from '../../../src/template/built-link';
import { fillTemplate, type Slot, type SlotValue, type TextTemplate } from '../../../src/template/index';

const one = (slot: Slot): TextTemplate => ({ parts: ['[', ']'], slots: [slot] });
const fillOne = (slot: Slot, value: SlotValue) => fillTemplate(one(slot), () => value).slice(1, -1);
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln-_';

describe('built links', () => {
  it('escape and check their prefix once: an & in the configured address is written as &amp; in HTML only', () => {
    const link = builtLink(linkPrefix('https://academy.example/courses?from=mail&token='), TOKEN);
    expect(link.url).toBe(`https://academy.example/courses?from=mail&token=${TOKEN}`);
    expect(link.html).toBe(`https://academy.example/courses?from=mail&amp;token=${TOKEN}`);
  });

  it('refuse a prefix that is not a safe absolute address', () => {
    for (const prefix of ['javascript:alert(1)//', '/courses?token=', 'https://a.example/ x?token=', 'data:text/html,']) {
      expect(() => linkPrefix(prefix)).toThrow('does not make a safe link address');
    }
  });

  it('are written as the same bytes the escaping fill writes for the plain address, in every context', () => {
    const link = builtLink(linkPrefix('https://academy.example/courses?from=mail&token='), TOKEN);
    const contexts: Slot[] = [
      { key: 'magic_link.courses', context: 'html' },
      { key: 'magic_link.courses', context: 'attr' },
      { key: 'magic_link.courses', context: 'url', whole: true },
      { key: 'magic_link.courses', context: 'url' },
      { key: 'magic_link.courses', context: 'text' },
      { key: 'magic_link.courses', context: 'sms' },
    ];
    for (const slot of contexts) expect(fillOne(slot, link)).toBe(fillOne(slot, link.url));
    expect(fillOne(contexts[2], link)).toBe(link.html);
    expect(fillOne(contexts[3], link)).toBe(encodeURIComponent(link.url));
  });

  it('cannot be forged by data: an object read from JSON with url and html is text like any value', () => {
    const forged = JSON.parse('{"url":"javascript:alert(1)","html":"<script>x</script>"}') as unknown as SlotValue;
    expect(fillOne({ key: 'contact.custom.x', context: 'html' }, forged)).toBe('[object Object]');
    expect(fillOne({ key: 'contact.custom.x', context: 'url', whole: true }, forged)).toBe('#');
  });
});
