/** Documents shared by the template tests. Every node and mark the package knows appears here. */
import type { DocNode, EmailContent, SmsContent } from '../../../src/template/index';

/** Node builders the test documents are written with. */
export const text = (value: string, marks?: DocNode['marks']): DocNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
export const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

export const GOLDEN_EMAIL: EmailContent = {
  subject: 'Welcome, {{contact.first_name | default: "friend"}}!',
  previewText: 'Your courses at {{site.title}} are ready',
  body: {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 1 },
        content: [text('Hello '), { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } }],
      },
      paragraph(
        text('Bold', [{ type: 'bold' }]),
        text(', '),
        text('italic', [{ type: 'italic' }]),
        text(', '),
        text('underline', [{ type: 'underline' }]),
        text(', '),
        text('strike', [{ type: 'strike' }]),
        text(' and '),
        text('code', [{ type: 'code' }]),
        text('.'),
        { type: 'hardBreak' },
        text('Fish & chips <b>"quoted"</b>'),
      ),
      paragraph(
        text('Open '),
        text('your courses', [link('{{magic_link.courses}}')]),
        text(', read the '),
        text('guide', [link('https://example.com/guide?a=1&b=2')]),
        text(' or '),
        text('update ', [link('https://example.com/prefs?email={{contact.email}}')]),
        text('settings', [link('https://example.com/prefs?email={{contact.email}}'), { type: 'bold' }]),
        text('.'),
      ),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('First'))] },
          {
            type: 'listItem',
            content: [
              paragraph(text('Second')),
              {
                type: 'orderedList',
                attrs: { start: 3 },
                content: [{ type: 'listItem', content: [paragraph(text('Nested'))] }],
              },
            ],
          },
        ],
      },
      {
        type: 'blockquote',
        content: [
          paragraph(text('Quoted '), {
            type: 'mergeField',
            attrs: { key: 'site.title', fallback: null },
            marks: [{ type: 'bold' }],
          }),
        ],
      },
      { type: 'codeBlock', attrs: { language: null }, content: [text('const a = 1 < 2;\nreturn a;')] },
      { type: 'horizontalRule' },
      {
        type: 'image',
        attrs: { src: 'https://cdn.example.com/logo.png', alt: 'Logo of {{site.title}}', title: 'Logo' },
      },
      {
        type: 'button',
        attrs: {
          href: '{{magic_link.learner}}',
          label: 'Go to {{site.title}}',
          align: 'center',
          backgroundColor: '#111827',
          textColor: '#ffffff',
          fullWidth: false,
        },
      },
      { type: 'paragraph' },
      { type: 'heading', attrs: { level: 2 }, content: [text('Questions?')] },
      paragraph(text('Write to '), text('support', [link('mailto:{{site.support_email}}')]), text('.')),
    ],
  },
};

export const GOLDEN_SMS: SmsContent = {
  body: {
    type: 'doc',
    content: [
      paragraph(text('Hi '), { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } }, text('!')),
      { type: 'paragraph' },
      paragraph(text('Your courses: '), { type: 'mergeField', attrs: { key: 'magic_link.courses', fallback: '' } }),
      paragraph(
        text('Or open '),
        text('the community', [link('{{magic_link.community.general}}')]),
        { type: 'hardBreak' },
        text('https://example.com/help', [link('https://example.com/help')]),
      ),
      { type: 'paragraph' },
    ],
  },
};

/** Values an attacker could put in their own contact record. */
export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(1)>';
