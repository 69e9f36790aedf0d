import { PluginKey, type Selection, type Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { bubblePosition } from './bubble-position';

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
 *
 * Our own rather than Tiptap's BubbleMenu: that one brings Floating UI and prosemirror-tables
 * (~11 kB gzipped of the composer's budget) for what is here one rectangle and a flip.
 */
export function SelectionBubbleMenu({ editor, showFor, label, children }: SelectionBubbleMenuProps) {
  const [pluginKey] = useState(() => new PluginKey('selectionBubbleMenu'));
  const [visible, setVisible] = useState(false);
  const [position, setPosition] = useState<CSSProperties | undefined>();
  const menu = useRef<HTMLDivElement>(null);
  /** The selection Escape was pressed on: the menu stays hidden until the selection changes. */
  const dismissedOn = useRef<Selection | null>(null);
  const latestShowFor = useRef(showFor);
  latestShowFor.current = showFor;

  const hide = () => editor.view.dispatch(editor.state.tr.setMeta(pluginKey, 'hide'));
  const dismiss = () => {
    dismissedOn.current = editor.state.selection;
    hide();
  };

  useEffect(() => {
    const shouldShow = () => {
      if (editor.isDestroyed) return false;
      const { selection } = editor.state;
      if (dismissedOn.current && selection.eq(dismissedOn.current)) return false;
      dismissedOn.current = null;
      const focusInMenu = !!menu.current?.contains(document.activeElement);
      return editor.isEditable && latestShowFor.current(editor) && (editor.view.hasFocus() || focusInMenu);
    };
    const update = () => setVisible(shouldShow());
    // Focus moves after blur/focus events fire: decide once it has landed (in the menu, or elsewhere).
    const updateSoon = () => setTimeout(update);
    // Only edits and selection moves: focus and blur come as transactions too, before focus lands.
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.getMeta(pluginKey) === 'hide') setVisible(false);
      else if (transaction.docChanged || transaction.selectionSet) update();
    };
    editor.on('transaction', onTransaction);
    editor.on('focus', updateSoon);
    editor.on('blur', updateSoon);
    update();
    return () => {
      editor.off('transaction', onTransaction);
      editor.off('focus', updateSoon);
      editor.off('blur', updateSoon);
    };
  }, [editor, pluginKey]);

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

  // Above the selection (below it when there is no room), kept there while the page scrolls.
  useLayoutEffect(() => {
    if (!visible) return;
    const place = () => {
      if (!menu.current || editor.isDestroyed) return;
      const { from, to } = editor.state.selection;
      setPosition(bubblePosition(editor.view, from, to, menu.current.getBoundingClientRect()));
    };
    place();
    editor.on('transaction', place);
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      editor.off('transaction', place);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [visible, editor]);

  if (!visible) return null;
  return (
    <div
      ref={menu}
      className="ml-bubble"
      role="dialog"
      aria-label={label}
      // Clicking the menu's padding focuses the menu, so the editor's blur does not hide it.
      tabIndex={-1}
      style={position}
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
  );
}
