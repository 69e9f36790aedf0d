/** Alignment, text colour and highlight: in the document, the MJML, the plain text and validation. */
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { compileEmailToMjml, compileEmailToText, DEFAULT_CATALOG, validateEmailContent, validateSmsContent, type DocMark, type DocNode, type EmailContent } from '../../../src/template/index';
import { PALETTE } from '../../../src/template/palette';

const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });
const text = (value: string): DocNode => ({ type: 'text', text: value });

describe('text alignment', () => {
  const ALIGNED = email(
    { type: 'heading', attrs: { level: 1, align: 'center' }, content: [text('Welcome')] },
    { type: 'paragraph', attrs: { align: 'right' }, content: [text('Signed, the team')] },
    { type: 'paragraph', attrs: { align: 'left' }, content: [text('Left, said so')] },
    { type: 'paragraph', content: [text('Left by default')] },
  );

  it('writes text-align into the paragraph and heading styles, nothing for an unaligned paragraph', () => {
    const { mjml } = compileEmailToMjml(ALIGNED);
    expect(mjml).toContain('<h1 style="margin:0 0 16px;font-size:28px;line-height:1.25;text-align:center">Welcome</h1>');
    expect(mjml).toContain('<p style="margin:0 0 16px;text-align:right">Signed, the team</p>');
    expect(mjml).toContain('<p style="margin:0 0 16px;text-align:left">Left, said so</p>');
    expect(mjml).toContain('<p style="margin:0 0 16px">Left by default</p>');
  });

  it('passes MJML strict validation and leaves the plain text as it was', async () => {
    expect((await compileEmailTemplate(ALIGNED)).warnings).toEqual([]);
    expect(compileEmailToText(ALIGNED).parts.join('')).toBe('WELCOME\n\nSigned, the team\n\nLeft, said so\n\nLeft by default');
  });

  it('accepts left, center and right, and refuses anything else by its path', () => {
    expect(validateEmailContent(ALIGNED, DEFAULT_CATALOG)).toEqual([]);
    const hostile = email(
      { type: 'paragraph', attrs: { align: 'center;background:url(x)' }, content: [text('a')] },
      { type: 'heading', attrs: { level: 2, align: 'justify' }, content: [text('b')] },
    );
    expect(validateEmailContent(hostile, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[0].attrs.align', message: 'Paragraph alignment must be left, center or right' },
      { path: 'body.content[1].attrs.align', message: 'Heading alignment must be left, center or right' },
    ]);
    // Even unvalidated, a stored value the compiler cannot trust never reaches the style.
    expect(compileEmailToMjml(hostile).mjml).not.toContain('background:url');
  });
});

describe('text colour and highlight', () => {
  const red = PALETTE.find((entry) => entry.name === 'Red')!;
  const yellow = PALETTE.find((entry) => entry.name === 'Yellow')!;
  const marked = (value: string, ...marks: DocMark[]): DocNode => ({ type: 'text', text: value, marks });
  const COLOURED = email({
    type: 'paragraph',
    content: [
      text('Plain, '),
      marked('red', { type: 'textColor', attrs: { color: red.text } }),
      text(', '),
      marked('highlighted', { type: 'highlight', attrs: { color: yellow.highlight } }),
      text(', '),
      marked('both & bold', { type: 'bold' }, { type: 'highlight', attrs: { color: yellow.highlight } }, { type: 'textColor', attrs: { color: red.text } }),
    ],
  });

  it('writes palette colours as inline color and background-color', () => {
    const { mjml } = compileEmailToMjml(COLOURED);
    expect(mjml).toContain(
      '<p style="margin:0 0 16px">Plain, <span class="ml-text-color ml-text-color--red" style="color:#b91c1c">red</span>, ' +
        '<span class="ml-highlight" style="background-color:#fef08a">highlighted</span>, ' +
        '<strong><span class="ml-highlight" style="background-color:#fef08a"><span class="ml-text-color ml-text-color--red" style="color:#b91c1c">both &amp; bold</span></span></strong></p>',
    );
  });

  it('passes MJML strict validation, keeps highlighted text dark in dark mode, and leaves the plain text alone', async () => {
    const compiled = await compileEmailTemplate(COLOURED);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.html.parts.join('')).toContain('.ml-email-card .ml-highlight { color: #1f2933 !important; }');
    expect(compileEmailToText(COLOURED).parts.join('')).toBe('Plain, red, highlighted, both & bold');
  });

  it('accepts the palette only, names a refused colour by its path, and never writes it', () => {
    expect(validateEmailContent(COLOURED, DEFAULT_CATALOG)).toEqual([]);
    const hostile = email({
      type: 'paragraph',
      content: [
        marked('a', { type: 'textColor', attrs: { color: '#123456' } }),
        marked('b', { type: 'highlight', attrs: { color: 'red;background:url(https://x.example/t)' } }),
        // A text colour is not a highlight: each mark takes its own column of the palette.
        marked('c', { type: 'highlight', attrs: { color: red.text } }),
        marked('d', { type: 'textColor' }),
      ],
    });
    const names = PALETTE.map((entry) => entry.name).join(', ');
    expect(validateEmailContent(hostile, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[0].content[0].marks[0].attrs.color', message: `Text colour "#123456" is not a palette colour: pick ${names}` },
      { path: 'body.content[0].content[1].marks[0].attrs.color', message: `Highlight "red;background:url(https://x.example/t)" is not a palette colour: pick ${names}` },
      { path: 'body.content[0].content[2].marks[0].attrs.color', message: `Highlight "#b91c1c" is not a palette colour: pick ${names}` },
      { path: 'body.content[0].content[3].marks[0].attrs.color', message: `Text colour null is not a palette colour: pick ${names}` },
    ]);
    const { mjml } = compileEmailToMjml(hostile);
    expect(mjml).not.toMatch(/#123456|url\(/);
    // Red is in the head's dark-mode rules (every palette entry is); the text colour used as a highlight is not in the body.
    expect(mjml.slice(mjml.indexOf('<mj-body'))).not.toContain(red.text);
    expect(mjml).toContain('<span>a</span><span>b</span><span>c</span><span>d</span>');
  });

  it('is refused in an SMS, like any formatting', () => {
    const sms = { body: { type: 'doc', content: [{ type: 'paragraph', content: [marked('hi', { type: 'textColor', attrs: { color: red.text } })] }] } };
    expect(validateSmsContent(sms, DEFAULT_CATALOG)).toEqual([{ path: 'body.content[0].content[0].marks[0]', message: 'An SMS cannot contain "textColor" formatting' }]);
  });
});
