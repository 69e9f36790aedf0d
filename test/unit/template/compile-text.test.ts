import { describe, expect, it } from 'vitest';
import { compileEmailToText, compileSubject, fillTemplate, type Slot } from '../../../src/template/index';
import { GOLDEN_EMAIL } from './fixtures';

const showKey = (slot: Slot) => `<${slot.key}>`;

describe('compileEmailToText', () => {
  it('renders every node as plain text (hand-written golden)', () => {
    const text = compileEmailToText(GOLDEN_EMAIL);
    expect(fillTemplate(text, showKey)).toBe(
      [
        'HELLO <contact.first_name>',
        'Bold, italic, underline, strike and code.\nFish & chips <b>"quoted"</b>',
        'Open your courses: <magic_link.courses>, read the guide: https://example.com/guide?a=1&b=2' +
          ' or update settings: https://example.com/prefs?email=<contact.email>.',
        '- First\n- Second\n  3. Nested',
        '> Quoted <site.title>',
        'const a = 1 < 2;\nreturn a;',
        '---',
        '[Logo of <site.title>]',
        'Go to <site.title>: <magic_link.learner>',
        'QUESTIONS?',
        'Write to support: mailto:<site.support_email>.',
      ].join('\n\n'),
    );
    expect(text.slots.map((slot) => slot.context)).toEqual(Array(text.slots.length).fill('text'));
    expect(text.slots[0]).toEqual({ key: 'contact.first_name', fallback: 'there', context: 'text' });
  });

  it('writes values raw: plain text has nothing to escape', () => {
    const text = compileEmailToText(GOLDEN_EMAIL);
    const filled = fillTemplate(text, (slot) => (slot.key === 'contact.first_name' ? '<b>Ann & Bo</b>' : ''));
    expect(filled.startsWith('HELLO <b>Ann & Bo</b>\n\n')).toBe(true);
  });

  it('writes a link whose label is its address once, and drops an unsafe address', () => {
    const text = compileEmailToText({
      subject: 's',
      previewText: '',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'https://example.com', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
              { type: 'text', text: ' and ' },
              { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            ],
          },
        ],
      },
    });
    expect(fillTemplate(text, showKey)).toBe('https://example.com and this');
  });
});

describe('compileSubject', () => {
  it('is one line: CR/LF typed by the author or injected through a value become spaces', () => {
    const subject = compileSubject({
      subject: ' Hello\r\n{{contact.first_name | default: "you"}}\n ',
      previewText: '',
      body: { type: 'doc', content: [] },
    });
    expect(subject).toEqual({
      parts: ['Hello ', ''],
      slots: [{ key: 'contact.first_name', fallback: 'you', context: 'text' }],
      singleLine: true,
    });
    const filled = fillTemplate(subject, () => 'Ann\r\nBcc: victim@example.com\n\nbody');
    expect(filled).toBe('Hello Ann Bcc: victim@example.com body');
    expect(filled).not.toMatch(/[\r\n]/);
    expect(fillTemplate(subject, () => null)).toBe('Hello you');
  });
});
