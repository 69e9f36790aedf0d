import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import type { ReactNode } from 'react';

interface SelectionBubbleMenuProps {
  editor: Editor;
  /** Which selections this menu is for, e.g. "a button is selected". */
  showFor: (editor: Editor) => boolean;
  label: string;
  children: ReactNode;
}

/**
 * A bubble menu by the selection, labelled for assistive technology. It stays up while focus is in
 * the editor or inside the menu itself (typing in its form); focus anywhere else hides it.
 */
export function SelectionBubbleMenu({ editor, showFor, label, children }: SelectionBubbleMenuProps) {
  return (
    <BubbleMenu
      editor={editor}
      shouldShow={({ view, element }) =>
        editor.isEditable && showFor(editor) && (view.hasFocus() || element.contains(document.activeElement))
      }
      className="ml-bubble"
      role="dialog"
      aria-label={label}
    >
      {children}
    </BubbleMenu>
  );
}
