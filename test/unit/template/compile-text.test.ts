import { describe, expect, it } from 'vitest';
import { compileEmailToText, compileSubject, fillTemplate, type DocNode, type Slot } from '../../../src/template/index';
import { GOLDEN_EMAIL, paragraph, text } from './fixtures';

/** An email with these blocks as its body (the subject is not what these tests look at). */
const emailOf = (...content: DocNode[]) => ({ subject: 's', previewText: '', body: { type: 'doc', content } });

const showKey = (slot: Slot) => `<${slot.key}>`;

describe('compileEmailToText', () => {
  it('renders every node as plain text (hand-written golden)', () => {
    const plain = compileEmailToText(GOLDEN_EMAIL);
    expect(fillTemplate(plain, showKey)).toBe(
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
    expect(plain.slots.map((slot) => slot.context)).toEqual(Array(plain.slots.length).fill('text'));
    expect(plain.slots[0]).toEqual({ key: 'contact.first_name', fallback: 'there', context: 'text' });
  });

  it('writes values raw: plain text has nothing to escape', () => {
    const plain = compileEmailToText(GOLDEN_EMAIL);
    const filled = fillTemplate(plain, (slot) => (slot.key === 'contact.first_name' ? '<b>Ann & Bo</b>' : ''));
    expect(filled.startsWith('HELLO <b>Ann & Bo</b>\n\n')).toBe(true);
  });

  it('writes a link whose label is its address once, and drops an unsafe address', () => {
    const plain = compileEmailToText(
      emailOf({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'https://example.com', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ],
      }),
    );
    expect(fillTemplate(plain, showKey)).toBe('https://example.com and this');
  });

  it('quotes every line of a quote and writes a list item\'s paragraphs one a line, leaving out empty ones', () => {
    const empty: DocNode = { type: 'paragraph' };
    const plain = compileEmailToText(
      emailOf(
        { type: 'blockquote', content: [paragraph(text('One')), empty, paragraph(text('Two'), { type: 'hardBreak' }, text('Three'))] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('First')), empty, paragraph(text('More'))] },
            { type: 'listItem', content: [paragraph(text('Second'))] },
          ],
        },
      ),
    );
    expect(fillTemplate(plain, showKey)).toBe('> One\n> Two\n> Three\n\n- First\n  More\n- Second');
  });

  it('numbers an ordered list from its start (0 allowed), and from 1 when the stored start is no whole number from 0', () => {
    const ordered = (start: unknown) => ({
      type: 'orderedList',
      attrs: { start },
      content: ['a', 'b', 'c'].map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
    });
    const markers = (start: unknown) =>
      fillTemplate(compileEmailToText(emailOf(ordered(start))), showKey)
        .split('\n')
        .map((line) => line.split(' ')[0]);
    expect(markers(1)).toEqual(['1.', '2.', '3.']);
    expect(markers(0)).toEqual(['0.', '1.', '2.']);
    expect(markers(9)).toEqual(['9.', '10.', '11.']);
    for (const start of [-1, 2.5, '4', null]) expect(markers(start), String(start)).toEqual(['1.', '2.', '3.']);
  });
});

describe('a merge field in the text part', () => {
  it('whose key is no custom value shows its fallback, and asks for no value', () => {
    const plain = compileEmailToText(emailOf(paragraph(text('Hi '), { type: 'mergeField', attrs: { key: 'not a key', fallback: 'friend' } })));
    expect(plain.slots).toEqual([]);
    expect(fillTemplate(plain, showKey)).toBe('Hi friend');
  });
});

describe('a text node in the text part', () => {
  it('stored without its text writes nothing', () => {
    expect(fillTemplate(compileEmailToText(emailOf(paragraph({ type: 'text' }, text('x')))), showKey)).toBe('x');
  });
});

describe('a link in the text part', () => {
  const plain = (label: string, href: string) => fillTemplate(compileEmailToText(emailOf(paragraph(text(label, [{ type: 'link', attrs: { href } }])))), showKey);

  it('is its address once when its text is that address, and its text then its address otherwise', () => {
    expect(plain('{{site.url}}', '{{site.url}}')).toBe('<site.url>');
    expect(plain('{{site.title}}', '{{site.url}}')).toBe('<site.title>: <site.url>');
    expect(plain('Visit {{site.url}}', '{{site.url}}')).toBe('Visit <site.url>: <site.url>');
    expect(plain('https://a.example/', 'https://a.example/{{contact.email}}')).toBe('https://a.example/: https://a.example/<contact.email>');
    // The text shows "our site" when the address is empty: both are written.
    expect(plain('{{site.url | default: "our site"}}', '{{site.url}}')).toBe('<site.url>: <site.url>');
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

  it('is empty for a stored subject that is not text', () => {
    expect(fillTemplate(compileSubject({ subject: 42, previewText: '', body: { type: 'doc', content: [] } } as never), () => 'x')).toBe('');
  });
});
