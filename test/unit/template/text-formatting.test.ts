/** Alignment of paragraphs and headings: in the document, the MJML, the plain text and validation. */
import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import { compileEmailToMjml, compileEmailToText, DEFAULT_CATALOG, validateEmailContent, type DocNode, type EmailContent } from '../../../src/template/index';

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
