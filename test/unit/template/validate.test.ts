import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATALOG,
  validateEmailContent,
  validateSmsContent,
  type DocNode,
  type EmailContent,
} from '../../../src/template/index';
import { GOLDEN_EMAIL, GOLDEN_SMS } from './fixtures';

const email = (body: DocNode[], subject = 'Hello'): EmailContent => ({
  subject,
  previewText: '',
  body: { type: 'doc', content: body },
});
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const linked = (href: string): DocNode => ({ type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href } }] });

describe('validateEmailContent', () => {
  it('accepts the golden email', () => {
    expect(validateEmailContent(GOLDEN_EMAIL, DEFAULT_CATALOG)).toEqual([]);
  });

  it('names unknown custom values and where they are', () => {
    const issues = validateEmailContent(
      {
        subject: 'Your size: {{contact.shoe_size}}',
        previewText: 'For {{contact.nick}}',
        body: {
          type: 'doc',
          content: [
            paragraph({ type: 'text', text: 'x' }, { type: 'mergeField', attrs: { key: 'contact.middle_name', fallback: '' } }),
            paragraph({ type: 'text', text: 'Hi {{contact.title}}' }, linked('https://a.example/?r={{contact.ref}}')),
            { type: 'button', attrs: { href: '{{magic_link.course.intro}}', label: 'Go {{contact.rank}}' } },
          ],
        },
      },
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      { path: 'subject', key: 'contact.shoe_size', message: 'Unknown custom value {{contact.shoe_size}} in subject' },
      { path: 'previewText', key: 'contact.nick', message: 'Unknown custom value {{contact.nick}} in preview text' },
      {
        path: 'body.content[0].content[1]',
        key: 'contact.middle_name',
        message: 'Unknown custom value {{contact.middle_name}} in body',
      },
      { path: 'body.content[1].content[0]', key: 'contact.title', message: 'Unknown custom value {{contact.title}} in body' },
      {
        path: 'body.content[1].content[1].marks[0].attrs.href',
        key: 'contact.ref',
        message: 'Unknown custom value {{contact.ref}} in link',
      },
      {
        path: 'body.content[2].attrs.label',
        key: 'contact.rank',
        message: 'Unknown custom value {{contact.rank}} in button label',
      },
    ]);
  });

  it('refuses script and data addresses, relative addresses and empty ones', () => {
    const issues = validateEmailContent(
      email([
        paragraph(linked('javascript:alert(1)'), linked('/courses'), linked('https://a.example/ok')),
        { type: 'image', attrs: { src: 'data:image/png;base64,AAAA', alt: 'A chart' } },
        { type: 'button', attrs: { href: 'vbscript:msgbox(1)', label: 'Go' } },
        { type: 'button', attrs: { href: '', label: ' ' } },
      ]),
      DEFAULT_CATALOG,
    );
    expect(issues.map(({ path, message }) => [path, message])).toEqual([
      [
        'body.content[0].content[0].marks[0].attrs.href',
        'This link leads to "javascript:alert(1)", which can\'t be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link',
      ],
      [
        'body.content[0].content[1].marks[0].attrs.href',
        'This link leads to "/courses", which can\'t be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link',
      ],
      [
        'body.content[1].attrs.src',
        'This image needs an https address (https://…)',
      ],
      [
        'body.content[2].attrs.href',
        'This button leads to "vbscript:msgbox(1)", which can\'t be used: use a web address (https://…), an email (mailto:) or phone (tel:) address, or a magic link',
      ],
      ['body.content[3].attrs.label', 'This button has no label: write what it says'],
      ['body.content[3].attrs.href', 'This button has no address: add where it leads'],
    ]);
  });

  it('accepts whole custom values and a leading one followed by a path as addresses', () => {
    const issues = validateEmailContent(
      email([paragraph(linked('{{ magic_link.courses }}'), linked('{{site.url}}/help'), linked('mailto:{{site.support_email}}'))]),
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([]);
  });

  it('reports malformed and unclosed custom values', () => {
    const issues = validateEmailContent(email([paragraph({ type: 'text', text: 'Hi {{ Contact.Name }} and {{contact.first_name' })], '{{site.title'), DEFAULT_CATALOG);
    expect(issues).toEqual([
      { path: 'subject', message: 'Unclosed "{{" in subject: custom values look like {{contact.first_name}}' },
      { path: 'body.content[0].content[0]', message: 'Malformed custom value "{{ Contact.Name }}" in body' },
      { path: 'body.content[0].content[0]', message: 'Unclosed "{{" in body: custom values look like {{contact.first_name}}' },
    ]);
  });

  it('requires a subject and keeps login tokens out of it', () => {
    expect(validateEmailContent(email([], '  '), DEFAULT_CATALOG)).toEqual([{ path: 'subject', message: 'Add a subject' }]);
    expect(validateEmailContent(email([], 'Log in: {{magic_link.learner}}'), DEFAULT_CATALOG)).toEqual([
      {
        path: 'subject',
        key: 'magic_link.learner',
        message: 'Magic link {{magic_link.learner}} cannot be used in subject: it would show the login token',
      },
    ]);
  });

  it('reports unknown content, unknown formatting and bad attributes', () => {
    const issues = validateEmailContent(
      email([
        { type: 'table', content: [paragraph({ type: 'text', text: 'x', marks: [{ type: 'superscript' }] })] },
        { type: 'heading', attrs: { level: 9 }, content: [] },
        { type: 'button', attrs: { href: 'https://a.example', label: 'Go', backgroundColor: 'red;}', textColor: '#fff' } },
        paragraph({ type: 'mergeField', attrs: { key: 'not a key' } }),
      ]),
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      { path: 'body.content[0]', message: 'Unknown content type "table"' },
      { path: 'body.content[0].content[0].content[0].marks[0]', message: 'Unknown formatting "superscript"' },
      { path: 'body.content[1].attrs.level', message: 'Heading level must be 1 to 6' },
      { path: 'body.content[2].attrs.backgroundColor', message: 'Colour "red;}" is not a hex colour like #2563eb' },
      { path: 'body.content[3].content[0].attrs.key', message: 'Merge field has no valid custom value key' },
    ]);
  });

  it('never throws on input that is not an email', () => {
    expect(validateEmailContent(null, DEFAULT_CATALOG)).toEqual([{ path: '', message: 'The email has no content' }]);
    expect(validateEmailContent({ subject: 5, body: 'x' }, DEFAULT_CATALOG)).toEqual([
      { path: 'subject', message: 'Add a subject' },
      { path: 'body', message: 'The message body is not a document' },
    ]);
    expect(validateEmailContent({ subject: 'x', previewText: '', body: { type: 'doc', content: [{ type: 7 }] } }, DEFAULT_CATALOG)).toEqual([
      { path: 'body', message: 'The message body is not a document' },
    ]);
    let deep: DocNode = { type: 'text', text: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    const issues = validateEmailContent({ subject: 'x', previewText: '', body: { type: 'doc', content: [deep] } }, DEFAULT_CATALOG);
    expect(issues).toEqual([{ path: expect.stringMatching(/^body(\.content\[0\]){65}$/), message: 'The document is nested too deeply' }]);
  });
});

describe('validateSmsContent', () => {
  it('accepts the golden SMS', () => {
    expect(validateSmsContent(GOLDEN_SMS, DEFAULT_CATALOG)).toEqual([]);
  });

  it('allows only paragraphs, text, hard breaks, merge fields and links', () => {
    const issues = validateSmsContent(
      {
        body: {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Hi', marks: [{ type: 'bold' }] }] },
            { type: 'image', attrs: { src: 'https://a.example/x.png' } },
            paragraph(linked('{{magic_link.courses}}'), { type: 'hardBreak' }, { type: 'mergeField', attrs: { key: 'contact.fav' } }),
          ],
        },
      },
      DEFAULT_CATALOG,
    );
    expect(issues).toEqual([
      { path: 'body.content[0]', message: 'An SMS cannot contain a heading: use plain paragraphs' },
      { path: 'body.content[0].content[0].marks[0]', message: 'An SMS cannot contain "bold" formatting' },
      { path: 'body.content[1]', message: 'An SMS cannot show an image: describe it in words, or link to it' },
      { path: 'body.content[2].content[2]', key: 'contact.fav', message: 'Unknown custom value {{contact.fav}} in body' },
    ]);
  });

  it('reports an empty SMS and input that is not one', () => {
    expect(validateSmsContent({ body: { type: 'doc', content: [paragraph()] } }, DEFAULT_CATALOG)).toEqual([
      { path: 'body', message: 'The SMS is empty' },
    ]);
    expect(validateSmsContent('sms', DEFAULT_CATALOG)).toEqual([{ path: '', message: 'The SMS has no content' }]);
    expect(validateSmsContent({}, DEFAULT_CATALOG)).toEqual([{ path: 'body', message: 'The message body is not a document' }]);
  });
});
