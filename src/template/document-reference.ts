/**
 * The public description of the document format: every node type the API accepts and what its
 * attributes mean. The OpenAPI description of `document`/`content` is built from it, and a test
 * checks the README's table and the example document cover every type the registry knows.
 */
export interface NodeReference {
  type: string;
  /** What it is, in a sentence. */
  summary: string;
  /** Attribute name → meaning (type, allowed values, default). */
  attrs?: Readonly<Record<string, string>>;
  /** What it may contain. */
  content?: string;
}

const TEXT_ALIGN = 'left | center | right, or absent (left)';

export const DOCUMENT_NODES: readonly NodeReference[] = [
  { type: 'doc', summary: 'The body: the root node.', content: 'blocks' },
  { type: 'paragraph', summary: 'A paragraph.', attrs: { align: TEXT_ALIGN }, content: 'inline nodes' },
  {
    type: 'text',
    summary:
      'A run of text (`text`), with `marks`: bold, italic, underline, strike, code, link { href }, textColor { color } and highlight { color } (colours of the palette only: src/template/palette.ts).',
  },
  { type: 'heading', summary: 'A heading.', attrs: { level: 'number 1–6', align: TEXT_ALIGN }, content: 'inline nodes' },
  { type: 'bulletList', summary: 'A bulleted list.', content: 'listItem' },
  { type: 'orderedList', summary: 'A numbered list.', attrs: { start: 'number, default 1' }, content: 'listItem' },
  { type: 'listItem', summary: 'One list entry.', content: 'blocks' },
  { type: 'blockquote', summary: 'A quote.', content: 'blocks' },
  { type: 'codeBlock', summary: 'Preformatted text.', content: 'text' },
  { type: 'horizontalRule', summary: 'A divider line.' },
  { type: 'hardBreak', summary: 'A line break inside a paragraph.' },
  {
    type: 'image',
    summary: 'An image by address, e.g. one uploaded with POST /api/sites/{siteId}/media.',
    attrs: {
      src: 'absolute http(s) URL',
      alt: 'required: what it shows, for people who cannot see it',
      title: 'optional',
      width: 'whole pixels 40–600, or null for the full width',
      align: 'left | center | right (default center)',
      href: 'optional link: absolute http/https/mailto/tel URL or a magic link such as {{magic_link.courses}}',
    },
  },
  {
    type: 'socialLinks',
    summary: 'A row of social network icons (PNG, served by memberlink), each linking to a page.',
    attrs: {
      links: 'array of { network: facebook | instagram | x | linkedin | youtube | tiktok, url: https:// address on that network }',
      align: 'left | center | right (default center)',
    },
  },
  {
    type: 'button',
    summary: 'A call-to-action button, usually a magic link.',
    attrs: {
      href: 'absolute http/https/mailto/tel URL or a magic link such as {{magic_link.courses}}',
      label: 'text',
      align: 'left | center | right (default center)',
      backgroundColor: 'hex colour (default the brand colour)',
      textColor: 'hex colour (default #ffffff)',
      fullWidth: 'boolean',
    },
  },
  { type: 'mergeField', summary: 'A custom value chosen from the catalog.', attrs: { key: 'custom-value key, e.g. contact.first_name', fallback: 'text used when the value is empty, or null' } },
  { type: 'spacer', summary: 'Empty vertical space.', attrs: { height: 'whole pixels 8–160 (default 32)' } },
  { type: 'columns', summary: 'A row of 2 or 3 columns, stacked on phones. Only directly in the body.', content: '2 or 3 column nodes' },
  { type: 'column', summary: 'One column of a row of columns.', content: 'blocks (no columns)' },
  { type: 'footer', summary: "The site's title, its postal address (Site Details, optional) and a visible Unsubscribe link ({{unsubscribe_url}})." },
  {
    type: 'showIf',
    summary:
      'Show if…: blocks only some recipients get, decided per recipient at send time (HTML, text part and SMS alike). At the top level of the body or inside another showIf.',
    attrs: {
      condition: 'offer (holds the offer offerId) | no_offer (holds no offer) | field (custom field `field` equals `value`, trimmed and ignoring case; an empty value matches an unset field)',
      offerId: 'the offer id, with condition offer',
      field: 'custom field name (as in contact.custom.<field>), with condition field',
      value: 'text, with condition field',
    },
    content: 'blocks',
  },
  {
    type: 'unlockedItems',
    summary:
      'For each unlocked course / community: one card per item the recipient can open (title, description, a button with a magic link to that item). Email only; at the top level or inside a showIf.',
    attrs: { list: 'courses | communities', buttonLabel: 'text on each card\'s button (default "Open")' },
  },
];

/** One paragraph per node type, for the OpenAPI description. */
export function describeDocumentNodes(): string {
  return DOCUMENT_NODES.map((node) => {
    const attrs = node.attrs ? ` attrs: ${Object.entries(node.attrs).map(([name, meaning]) => `${name} (${meaning})`).join('; ')}.` : '';
    const content = node.content ? ` Contains: ${node.content}.` : '';
    return `- \`${node.type}\`: ${node.summary}${attrs}${content}`;
  }).join('\n');
}
