import { Extension, Node } from '@tiptap/react';

/**
 * A document that is one line: exactly one paragraph, Enter does nothing and pasted line breaks
 * become spaces. Used by the subject and preview-text fields, which are plain strings.
 */
export const SingleLineDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'paragraph',
});

export const SingleLineKeymap = Extension.create({
  name: 'singleLineKeymap',
  addKeyboardShortcuts() {
    return { Enter: () => true, 'Shift-Enter': () => true, 'Mod-Enter': () => true };
  },
  addOptions() {
    return {};
  },
});
