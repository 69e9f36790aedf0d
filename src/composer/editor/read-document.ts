import type { Editor } from '@tiptap/react';
import type { DocNode } from '../../template';
import { TEXT_ALIGN_TYPES } from '../extensions/text-align';

/** Attributes the document format leaves out while unset: an unaligned paragraph stays `{ type: 'paragraph' }`. */
const OMITTED_WHEN_UNSET: Readonly<Record<string, readonly string[]>> = Object.fromEntries(TEXT_ALIGN_TYPES.map((type) => [type, ['align']]));

function withoutUnsetAttributes(node: DocNode): DocNode {
  const omitted = OMITTED_WHEN_UNSET[node.type];
  let result = node;
  if (omitted && node.attrs && omitted.some((name) => node.attrs![name] === null)) {
    // Copies: ProseMirror's toJSON hands out the live nodes' own attrs objects.
    const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([name, value]) => !(value === null && omitted.includes(name))));
    const { attrs: _dropped, ...rest } = node;
    result = Object.keys(attrs).length > 0 ? { ...rest, attrs } : rest;
  }
  return node.content ? { ...result, content: node.content.map(withoutUnsetAttributes) } : result;
}

/**
 * The editor's document as the template stores it. Tiptap's JSON lists every attribute a node type
 * has, so a paragraph would read `{ attrs: { align: null } }`; loading a stored message and reading it
 * back must give the same JSON (else an untouched template looks edited).
 */
export function readDocument(editor: Editor): DocNode {
  return withoutUnsetAttributes(editor.getJSON() as DocNode);
}
