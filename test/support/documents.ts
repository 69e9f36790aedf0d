/** Template documents for tests: the node builders and a ready email with a magic link. */
import type { DocNode, EmailContent } from '../../src/template/index.ts';

export const textNode = (value: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
export const mergeField = (key: string, fallback: string | null = null): DocNode => ({ type: 'mergeField', attrs: { key, fallback } });
export const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

/** An email document: a greeting with the first name and a magic-link button. */
export function emailDocument(subject = 'Hello {{contact.first_name}}', destination = 'courses'): EmailContent {
  return {
    subject,
    previewText: '',
    body: {
      type: 'doc',
      content: [
        paragraph(textNode('Hi '), mergeField('contact.first_name'), textNode('!')),
        { type: 'button', attrs: { href: `{{magic_link.${destination}}}`, label: 'Open' } },
      ],
    },
  };
}
