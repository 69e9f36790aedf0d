import type { DocNode, EmailContent } from '../../src/template';

/** All nodes of a type in a document, depth first. */
export function nodesOfType(doc: DocNode, type: string): DocNode[] {
  const found: DocNode[] = [];
  const visit = (node: DocNode) => {
    if (node.type === type) found.push(node);
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}

/** A welcome email ending in a magic-link button (the composer appends a trailing paragraph after it). */
export const WELCOME_EMAIL: EmailContent = {
  subject: 'Welcome, {{contact.first_name | default: "friend"}}!',
  previewText: '',
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hello ' }, { type: 'mergeField', attrs: { key: 'contact.first_name', fallback: 'there' } }, { type: 'text', text: ',' }] },
      { type: 'button', attrs: { href: '{{magic_link.courses}}', label: 'Open my courses' } },
    ],
  },
};
