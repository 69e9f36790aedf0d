import { PluginKey, type Selection } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface SelectionBubbleMenuProps {
  editor: Editor;
  /** Which selections this menu is for, e.g. "a button is selected". */
  showFor: (editor: Editor) => boolean;
  label: string;
  children: ReactNode;
}

/**
 * A bubble menu by the selection, labelled for assistive technology. It stays up while focus is in
 * the editor or inside the menu itself (typing in its form); focus anywhere else hides it. Escape
 * hides it and puts focus back in the editor where it was; it comes back when the selection moves.
 */
export function SelectionBubbleMenu({ editor, showFor, label, children }: SelectionBubbleMenuProps) {
  const [pluginKey] = useState(() => new PluginKey('selectionBubbleMenu'));
  /** The selection Escape was pressed on: the menu stays hidden until the selection changes. */
  const dismissedOn = useRef<Selection | null>(null);

  const hide = () => editor.view.dispatch(editor.state.tr.setMeta(pluginKey, 'hide'));
  const dismiss = () => {
    dismissedOn.current = editor.state.selection;
    hide();
  };

  // Escape while typing in the editor with the menu up closes it too (and leaves the selection be).
  // Listened for on the document: the editor's view does not exist until it is mounted.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || editor.isDestroyed || dismissedOn.current) return;
      if (editor.view.dom.contains(event.target as Node) && showFor(editor)) dismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  return (
    <BubbleMenu
      editor={editor}
      pluginKey={pluginKey}
      shouldShow={({ view, element, state }) => {
        if (dismissedOn.current && state.selection.eq(dismissedOn.current)) return false;
        dismissedOn.current = null;
        return editor.isEditable && showFor(editor) && (view.hasFocus() || element.contains(document.activeElement));
      }}
      className="ml-bubble"
      role="dialog"
      aria-label={label}
    >
      <div
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          dismiss();
          editor.commands.focus();
        }}
        onBlur={(event) => {
          // Tab out of the menu to another field: the editor never saw a blur, so the menu would stay.
          const next = event.relatedTarget as Node | null;
          if (next && !event.currentTarget.contains(next) && !editor.view.dom.contains(next)) hide();
        }}
      >
        {children}
      </div>
    </BubbleMenu>
  );
}
