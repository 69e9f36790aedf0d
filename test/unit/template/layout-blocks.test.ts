import { describe, expect, it } from 'vitest';
import { compileEmailTemplate } from '../../../server/channels/email/compile-email.ts';
import {
  compileEmailToMjml,
  compileEmailToText,
  DEFAULT_CATALOG,
  validateEmailContent,
  validateSmsContent,
  type DocNode,
  type EmailContent,
} from '../../../src/template/index';

const paragraph = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const column = (...content: DocNode[]): DocNode => ({ type: 'column', content });
const email = (...content: DocNode[]): EmailContent => ({ subject: 'Hi', previewText: '', body: { type: 'doc', content } });

const LAYOUT_EMAIL = email(
  paragraph('Intro'),
  { type: 'spacer', attrs: { height: 48 } },
  {
    type: 'columns',
    content: [
      column(paragraph('Left'), { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open' } }),
      column({ type: 'image', attrs: { src: 'https://cdn.example.com/a.png', alt: 'A' } }, { type: 'spacer', attrs: { height: 8 } }, paragraph('Right')),
    ],
  },
  { type: 'columns', content: [column(paragraph('One')), column(paragraph('Two')), column(paragraph('Three'))] },
  paragraph('Outro'),
);

describe('spacer and columns in the email', () => {
  it('make one section per row of columns, white rows reading as one card, spacers as mj-spacer', () => {
    const { mjml } = compileEmailToMjml(LAYOUT_EMAIL);
    const body = mjml.slice(mjml.indexOf('<mj-body'));
    expect(body).toBe(`<mj-body width="600px" background-color="#f4f5f7" css-class="ml-email">
    <mj-section background-color="#ffffff" padding="32px 0 0" css-class="ml-email-card">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">Intro</p>
        </mj-text>
        <mj-spacer height="48px" />
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 0" css-class="ml-email-card">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">Left</p>
        </mj-text>
        <mj-button href="ml-slot-0-x" align="center" background-color="#2563eb" color="#ffffff">Open</mj-button>
      </mj-column>
      <mj-column>
        <mj-image src="https://cdn.example.com/a.png" alt="A" />
        <mj-spacer height="8px" />
        <mj-text>
          <p style="margin:0 0 16px">Right</p>
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 0" css-class="ml-email-card">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">One</p>
        </mj-text>
      </mj-column>
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">Two</p>
        </mj-text>
      </mj-column>
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">Three</p>
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 16px" css-class="ml-email-card">
      <mj-column>
        <mj-text>
          <p style="margin:0 0 16px">Outro</p>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`);
  });

  it('passes MJML strict validation and stacks the columns on phones', async () => {
    const compiled = await compileEmailTemplate(LAYOUT_EMAIL);
    const html = compiled.html.parts.join('');
    expect(compiled.warnings).toEqual([]);
    // MJML's responsive columns: 50% and 33% wide on a desktop, full width below its breakpoint.
    expect(html).toContain('.mj-column-per-50 { width:50% !important; max-width: 50%; }');
    expect(html).toContain('.mj-column-per-33-333333333333336 { width:33.333333333333336% !important;');
    expect(html).toMatch(/@media only screen and \(min-width:480px\)/);
  });

  it('keeps a row of columns first or last in the document within the card padding', () => {
    const { mjml } = compileEmailToMjml(email({ type: 'columns', content: [column(paragraph('A')), column(paragraph('B'))] }));
    expect(mjml).toContain('<mj-section background-color="#ffffff" padding="32px 0 16px" css-class="ml-email-card">');
    expect(mjml.match(/<mj-section/g)).toHaveLength(1);
  });

  it('renders columns as their blocks one after another in plain text; a spacer adds nothing', () => {
    const text = compileEmailToText(LAYOUT_EMAIL);
    expect(text.parts.join('{}')).toBe('Intro\n\nLeft\n\nOpen: {}\n\n[A]\n\nRight\n\nOne\n\nTwo\n\nThree\n\nOutro');
  });

  it('falls back to a default height for a stored spacer height it cannot trust', () => {
    const { mjml } = compileEmailToMjml(email({ type: 'spacer', attrs: { height: '"><x' } }));
    expect(mjml).toContain('<mj-spacer height="32px" />');
  });

  it('keeps a whole height from 8 to 160 pixels, and gives any other the default', () => {
    const heightOf = (height: unknown) => /<mj-spacer height="(\d+)px" \/>/.exec(compileEmailToMjml(email({ type: 'spacer', attrs: { height } })).mjml)?.[1];
    expect([8, 9, 159, 160].map(heightOf)).toEqual(['8', '9', '159', '160']);
    expect([7, 161, 500, -8, 24.5, '48', null, undefined].map(heightOf)).toEqual(Array(8).fill('32'));
  });

  it('holds its height inside other blocks with a line box (Outlook ignores an empty div\'s height)', () => {
    const { mjml } = compileEmailToMjml(email({ type: 'blockquote', content: [paragraph('Above'), { type: 'spacer', attrs: { height: 40 } }, paragraph('Below')] }));
    expect(mjml).toContain('<div style="height:40px;line-height:40px;font-size:1px">&#8202;</div>');
    expect(mjml).not.toContain('<mj-spacer');
  });
});

describe('validation of spacer and columns', () => {
  it('accepts the layout email', () => {
    expect(validateEmailContent(LAYOUT_EMAIL, DEFAULT_CATALOG)).toEqual([]);
  });

  it('names a spacer height out of range', () => {
    expect(validateEmailContent(email({ type: 'spacer', attrs: { height: 500 } }), DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[0].attrs.height', message: 'Spacer height must be a whole number of pixels from 8 to 160' },
    ]);
  });

  it('refuses misplaced, empty, too many or too few columns', () => {
    const row = (...columns: DocNode[]): DocNode => ({ type: 'columns', content: columns });
    const issues = validateEmailContent(
      email(
        row(column(paragraph('only one'))),
        row(column(paragraph('1')), column(paragraph('2')), column(paragraph('3')), column(paragraph('4'))),
        row(column(), paragraph('stray')),
        { type: 'blockquote', content: [row(column(paragraph('a')), column(paragraph('b')))] },
        column(paragraph('loose')),
      ),
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      { path: 'body.content[0]', message: 'Columns must hold 2 or 3 columns, not 1' },
      { path: 'body.content[1]', message: 'Columns must hold 2 or 3 columns, not 4' },
      { path: 'body.content[2].content[0]', message: 'A column is empty: write something in it or remove the columns' },
      { path: 'body.content[2].content[1]', message: 'A row of columns can only hold columns, not "paragraph"' },
      { path: 'body.content[3].content[0]', message: 'Columns can only be placed in the message itself, not inside a quote, a list or another column' },
      { path: 'body.content[4]', message: 'A column can only be placed in a row of columns' },
    ]);
  });

  it('refuses columns inside a column', () => {
    const inner: DocNode = { type: 'columns', content: [column(paragraph('a')), column(paragraph('b'))] };
    const issues = validateEmailContent(email({ type: 'columns', content: [column(inner), column(paragraph('c'))] }), DEFAULT_CATALOG);
    expect(issues).toEqual([
      { path: 'body.content[0].content[0].content[0]', message: 'Columns can only be placed in the message itself, not inside a quote, a list or another column' },
    ]);
  });

  it('refuses spacer and columns in an SMS by name', () => {
    const sms = { body: { type: 'doc', content: [paragraph('Hi'), { type: 'spacer', attrs: { height: 24 } }, { type: 'columns', content: [column(paragraph('a')), column(paragraph('b'))] }] } };
    expect(validateSmsContent(sms, DEFAULT_CATALOG)).toEqual([
      { path: 'body.content[1]', message: 'An SMS cannot contain a spacer: use plain paragraphs' },
      { path: 'body.content[2]', message: 'An SMS cannot contain columns: use plain paragraphs' },
    ]);
  });
});
