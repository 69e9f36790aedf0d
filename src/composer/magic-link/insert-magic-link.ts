import type { Editor } from '@tiptap/react';
import { magicLinkHref } from '../../template';

/**
 * Makes the selected text a magic link; with nothing selected, inserts `text` already linked.
 * Returns false when the editor refused (e.g. the selection is a button, which takes no marks).
 */
export function applyMagicLinkToText(editor: Editor, key: string, text: string): boolean {
  const href = magicLinkHref(key);
  if (editor.state.selection.empty) {
    return editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
      .run();
  }
  return editor.chain().focus().setLink({ href }).run();
}

/** Inserts a button leading to the magic link, labelled with `label`. */
export function insertMagicLinkButton(editor: Editor, key: string, label: string): boolean {
  return editor.chain().focus().insertButton({ href: magicLinkHref(key), label }).run();
}

/** Inserts the bare URL as a merge field: in an SMS that costs fewer characters than "text: URL". */
export function insertMagicLinkUrl(editor: Editor, key: string): boolean {
  return editor.chain().focus().insertMergeField({ key }).run();
}
