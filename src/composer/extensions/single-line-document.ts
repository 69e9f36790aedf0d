import { Extension, Node } from '@tiptap/react';
import { Fragment, Slice, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';

/**
 * A document that is one line: exactly one paragraph. Used by the subject and preview-text fields,
 * which are plain strings.
 */
export const SingleLineDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'paragraph',
});

/** Pasted lines or paragraphs joined by spaces, so nothing after the first line is lost. */
function joinIntoOneLine(slice: Slice, schema: Schema): Slice {
  const lines: ProseMirrorNode[] = [];
  slice.content.descendants((node) => {
    if (!node.isTextblock) return true;
    if (node.content.size > 0) lines.push(node);
    return false;
  });
  if (lines.length <= 1) return slice;
  const inline = lines.flatMap((line, i) => {
    const children: ProseMirrorNode[] = [];
    line.content.forEach((child) => children.push(child));
    return i === 0 ? children : [schema.text(' '), ...children];
  });
  return new Slice(Fragment.from(schema.nodes.paragraph.create(null, inline)), 1, 1);
}

/** Enter does nothing and pasted line breaks become spaces. */
export const SingleLine = Extension.create({
  name: 'singleLine',

  addKeyboardShortcuts() {
    return { Enter: () => true, 'Shift-Enter': () => true, 'Mod-Enter': () => true };
  },

  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPasted: (slice, view) => joinIntoOneLine(slice, view.state.schema) } })];
  },
});
