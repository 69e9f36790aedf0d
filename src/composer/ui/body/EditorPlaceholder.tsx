import { useEditorState, type Editor } from '@tiptap/react';

/**
 * Hint text over an empty editor. Drawn by React rather than by Tiptap's Placeholder extension,
 * which lives in a package the composer does not otherwise need.
 */
export function EditorPlaceholder({ editor, text }: { editor: Editor; text: string }) {
  const isEmpty = useEditorState({ editor, selector: ({ editor: current }) => current.isEmpty });
  return isEmpty ? (
    <div className="ml-editor-placeholder" aria-hidden="true">
      {text}
    </div>
  ) : null;
}
