import { describe, expect, it } from 'vitest';
import { fillTemplate, sentinel, splitOnSentinels, type Slot, type TextTemplate } from '../../../src/template/index';
import { HOSTILE_ATTRIBUTE, HOSTILE_NAME } from './fixtures';

const one = (slot: Slot, singleLine = false): TextTemplate => ({ parts: ['[', ']'], slots: [slot], singleLine });
const fillOne = (slot: Slot, value: string | null | undefined) => fillTemplate(one(slot), () => value).slice(1, -1);

describe('fillTemplate', () => {
  it('walks parts and slots in order', () => {
    const template: TextTemplate = {
      parts: ['Hi ', ', see ', '.'],
      slots: [
        { key: 'contact.first_name', context: 'text' },
        { key: 'site.url', context: 'text' },
      ],
    };
    expect(fillTemplate(template, (slot) => (slot.key === 'site.url' ? 'https://a.example' : 'Ann'))).toBe(
      'Hi Ann, see https://a.example.',
    );
  });

  it('uses the fallback for a missing or empty value, and nothing when there is none', () => {
    const slot: Slot = { key: 'contact.first_name', fallback: 'there', context: 'html' };
    expect(fillOne(slot, undefined)).toBe('there');
    expect(fillOne(slot, null)).toBe('there');
    expect(fillOne(slot, '')).toBe('there');
    expect(fillOne(slot, 'Ann')).toBe('Ann');
    expect(fillOne({ key: 'contact.first_name', context: 'html' }, undefined)).toBe('');
    expect(fillOne({ ...slot, fallback: 'A&B' }, '')).toBe('A&amp;B');
  });

  it.each(['html', 'attr'] as const)('makes hostile values inert in %s context', (context) => {
    const slot: Slot = { key: 'contact.first_name', context };
    expect(fillOne(slot, HOSTILE_NAME)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(fillOne(slot, HOSTILE_ATTRIBUTE)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(fillOne(slot, `it's & "that"`)).toBe('it&#39;s &amp; &quot;that&quot;');
  });

  it('accepts only safe absolute URLs as a whole-URL value, attribute-escaped', () => {
    const slot: Slot = { key: 'magic_link.courses', context: 'url', whole: true };
    expect(fillOne(slot, 'https://a.example/courses?token=x.y.z&utm=1')).toBe(
      'https://a.example/courses?token=x.y.z&amp;utm=1',
    );
    expect(fillOne(slot, 'http://a.example')).toBe('http://a.example');
    expect(fillOne(slot, 'mailto:help@a.example')).toBe('mailto:help@a.example');
    expect(fillOne(slot, 'tel:+442079460000')).toBe('tel:+442079460000');
    expect(fillOne(slot, "https://a.example/?q='x'")).toBe('https://a.example/?q=&#39;x&#39;');
    for (const unsafe of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/relative/path',
      '//evil.example/x',
      'https://',
      'https:/evil.example',
      ' https://a.example',
      'https://a.example/a b',
      HOSTILE_NAME,
      HOSTILE_ATTRIBUTE,
    ]) {
      expect(fillOne(slot, unsafe), unsafe).toBe('#');
    }
  });

  it('checks a whole-URL fallback like any value', () => {
    expect(fillOne({ key: 'site.url', fallback: 'javascript:alert(1)', context: 'url', whole: true }, '')).toBe('#');
    expect(fillOne({ key: 'site.url', fallback: 'https://a.example', context: 'url', whole: true }, null)).toBe(
      'https://a.example',
    );
  });

  it('percent-encodes a value inside a URL, then attribute-escapes it', () => {
    const slot: Slot = { key: 'contact.email', context: 'url' };
    expect(fillOne(slot, 'ada+news@example.com')).toBe('ada%2Bnews%40example.com');
    expect(fillOne(slot, HOSTILE_ATTRIBUTE)).toBe('%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(fillOne(slot, "javascript:alert('1')")).toBe('javascript%3Aalert(&#39;1&#39;)');
    expect(fillOne(slot, 'a\uD800b')).toBe('a%EF%BF%BDb'); // a lone surrogate would make encodeURIComponent throw
  });

  it('writes text and sms values raw, collapsing line breaks only in single-line templates', () => {
    expect(fillOne({ key: 'contact.first_name', context: 'text' }, HOSTILE_NAME)).toBe(HOSTILE_NAME);
    expect(fillOne({ key: 'contact.first_name', context: 'sms' }, 'a\nb')).toBe('a\nb');
    expect(fillOne({ key: 'contact.first_name', context: 'text' }, 'a\r\nb')).toBe('a\r\nb');
    const subject = one({ key: 'contact.first_name', context: 'text' }, true);
    expect(fillTemplate(subject, () => 'a\r\n\r\nb\rc\nd\u2028e')).toBe('[a b c d e]');
  });

  it('turns a non-string value from an untyped caller into text', () => {
    const template = one({ key: 'contact.phone', context: 'html' });
    expect(fillTemplate(template, () => 442079460000 as unknown as string)).toBe('[442079460000]');
  });

  it('escapes the text of a non-string value too (a list of tags from a database row)', () => {
    const template = one({ key: 'contact.tags', context: 'html' });
    expect(fillTemplate(template, () => ['<b>', 'vip'] as unknown as string)).toBe('[&lt;b&gt;,vip]');
  });

  it('keeps a whole emoji inside a URL and replaces only a lone surrogate half', () => {
    const template = one({ key: 'contact.custom.nick', context: 'url' });
    expect(fillTemplate(template, () => '\u{1F600}\uD800')).toBe(`[${encodeURIComponent('\u{1F600}')}%EF%BF%BD]`);
  });
});

describe('sentinels', () => {
  it('are letters, digits and hyphens only', () => {
    expect(sentinel(7)).toBe('ml-slot-7-x');
    expect(sentinel(12)).toMatch(/^[a-z0-9-]+$/);
  });

  it('split HTML into parts; a repeated sentinel becomes one slot entry per occurrence', () => {
    const slots: Slot[] = [
      { key: 'contact.first_name', context: 'html' },
      { key: 'magic_link.courses', context: 'url', whole: true },
    ];
    const html = `<p>${sentinel(0)}</p><a href="${sentinel(1)}">${sentinel(0)}</a><!--[if mso]>${sentinel(1)}<![endif]-->`;
    expect(splitOnSentinels(html, slots)).toEqual({
      parts: ['<p>', '</p><a href="', '">', '</a><!--[if mso]>', '<![endif]-->'],
      slots: [slots[0], slots[1], slots[0], slots[1]],
    });
    expect(splitOnSentinels('<p>none</p>', slots)).toEqual({ parts: ['<p>none</p>'], slots: [] });
  });

  it('refuses a sentinel that names no slot (a compiler bug, never silently dropped)', () => {
    expect(() => splitOnSentinels(`<p>${sentinel(3)}</p>`, [])).toThrow(/slot 3/);
  });
});
