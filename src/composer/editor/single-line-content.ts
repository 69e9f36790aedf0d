import { parseCustomValueTokens, type DocNode } from '../../template';

/**
 * A subject or preview text (a plain string with custom values) as the one-paragraph document the
 * single-line editor edits. The way back is the editor's getText(): merge fields render their token.
 */
export function singleLineDoc(text: string): DocNode {
  const content: DocNode[] = parseCustomValueTokens(text).map((token) =>
    token.type === 'text'
      ? { type: 'text', text: token.text }
      : { type: 'mergeField', attrs: { key: token.key, fallback: token.fallback ?? null } },
  );
  return { type: 'doc', content: [content.length ? { type: 'paragraph', content } : { type: 'paragraph' }] };
}
