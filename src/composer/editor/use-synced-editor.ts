import { useEditor, type Content, type Editor, type Extensions, type UseEditorOptions } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';

interface SyncedEditorOptions<T> {
  /** The value from the store: what the editor shows. */
  value: T;
  toContent: (value: T) => Content;
  /** Reads the editor back into a value after each edit. */
  read: (editor: Editor) => T;
  onEdit: (value: T) => void;
  /** Called once: an editor's schema is fixed for its lifetime (remount it to change channel). */
  createExtensions: () => Extensions;
  attributes: Record<string, string>;
}

// Hosts may hand back a copy of what we emitted (a store that clones, a JSON round trip).
const sameContent = <T>(a: T, b: T) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);

/**
 * A Tiptap editor bound to one value of the store. Edits flow out through `onEdit`; a value that
 * arrives from outside (the host loaded another template) replaces the content. The editor's own
 * output coming back, as it is or copied, is ignored, so the caret never jumps while typing.
 */
export function useSyncedEditor<T>({ value, toContent, read, onEdit, createExtensions, attributes }: SyncedEditorOptions<T>): Editor | null {
  const emitted = useRef(value);
  const latest = useRef({ read, onEdit });
  latest.current = { read, onEdit };

  // The same options object on every render: useEditor then has nothing to re-apply.
  const [options] = useState<UseEditorOptions>(() => ({
    extensions: createExtensions(),
    content: toContent(value),
    editorProps: { attributes },
    onUpdate: ({ editor, transaction }) => {
      // Only a plugin's appended step changed the document (the trailing paragraph after a last
      // button, riding on a selection or decoration transaction): normalisation, not an edit. The
      // host must not think a template it just opened has unsaved changes.
      if (!transaction.docChanged) return;
      emitted.current = latest.current.read(editor);
      latest.current.onEdit(emitted.current);
    },
  }));
  const editor = useEditor(options);

  useEffect(() => {
    if (!editor) return;
    const changed = !sameContent(value, emitted.current);
    emitted.current = value;
    if (changed) editor.commands.setContent(toContent(value), { emitUpdate: false });
  }, [editor, value, toContent]);

  return editor;
}
