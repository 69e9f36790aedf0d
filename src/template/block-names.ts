/** What a marketer calls each block, for messages that name one ("An SMS cannot contain a spacer"). */
const BLOCK_NAMES: Readonly<Record<string, string>> = {
  heading: 'a heading',
  bulletList: 'a bulleted list',
  orderedList: 'a numbered list',
  listItem: 'a list',
  blockquote: 'a quote',
  codeBlock: 'a code block',
  horizontalRule: 'a divider',
  image: 'an image',
  button: 'a button',
  spacer: 'a spacer',
  columns: 'columns',
  footer: 'a footer',
  column: 'columns',
  socialLinks: 'social links',
};

export function blockName(type: string): string {
  return Object.hasOwn(BLOCK_NAMES, type) ? BLOCK_NAMES[type] : `"${type}"`;
}
