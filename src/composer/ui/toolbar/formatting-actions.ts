import type { Editor } from '@tiptap/react';
import type { LucideIcon } from 'lucide-react';
import Bold from 'lucide-react/icons/bold';
import Heading1 from 'lucide-react/icons/heading-1';
import Heading2 from 'lucide-react/icons/heading-2';
import Italic from 'lucide-react/icons/italic';
import List from 'lucide-react/icons/list';
import ListOrdered from 'lucide-react/icons/list-ordered';
import Minus from 'lucide-react/icons/minus';
import Redo from 'lucide-react/icons/redo-2';
import Underline from 'lucide-react/icons/underline';
import Undo from 'lucide-react/icons/undo-2';
import { LAYOUT_ACTIONS } from './layout-actions';

/** One toolbar command. Toggles (marks, headings, lists) have `isActive` and show as pressed. */
export interface FormattingAction {
  id: string;
  label: string;
  /** The button's visible face (hidden from assistive technology: the label is its accessible name). */
  icon: LucideIcon;
  /** Tiptap's keyboard shortcut for the same command (`Mod-B`), named in the tooltip. */
  shortcut?: string;
  run: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  isActive?: (editor: Editor) => boolean;
}

const markToggle = (mark: string, label: string, icon: LucideIcon, shortcut: string): FormattingAction => ({
  id: mark,
  label,
  icon,
  shortcut,
  run: (e) => e.chain().focus().toggleMark(mark).run(),
  canRun: (e) => e.can().toggleMark(mark),
  isActive: (e) => e.isActive(mark),
});

const headingToggle = (level: 1 | 2): FormattingAction => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  icon: level === 1 ? Heading1 : Heading2,
  shortcut: `Mod-Alt-${level}`,
  run: (e) => e.chain().focus().toggleHeading({ level }).run(),
  canRun: (e) => e.can().toggleHeading({ level }),
  isActive: (e) => e.isActive('heading', { level }),
});

const listToggle = (list: 'bulletList' | 'orderedList', label: string, icon: LucideIcon, shortcut: string): FormattingAction => ({
  id: list,
  label,
  icon,
  shortcut,
  run: (e) => e.chain().focus().toggleList(list, 'listItem').run(),
  canRun: (e) => e.can().toggleList(list, 'listItem'),
  isActive: (e) => e.isActive(list),
});

export const HISTORY_ACTIONS: readonly FormattingAction[] = [
  { id: 'undo', label: 'Undo', icon: Undo, shortcut: 'Mod-Z', run: (e) => e.chain().focus().undo().run(), canRun: (e) => e.can().undo() },
  { id: 'redo', label: 'Redo', icon: Redo, shortcut: 'Mod-Shift-Z', run: (e) => e.chain().focus().redo().run(), canRun: (e) => e.can().redo() },
];

export const MARK_ACTIONS: readonly FormattingAction[] = [
  markToggle('bold', 'Bold', Bold, 'Mod-B'),
  markToggle('italic', 'Italic', Italic, 'Mod-I'),
  markToggle('underline', 'Underline', Underline, 'Mod-U'),
];

export const BLOCK_ACTIONS: readonly FormattingAction[] = [
  headingToggle(1),
  headingToggle(2),
  listToggle('bulletList', 'Bulleted list', List, 'Mod-Shift-8'),
  listToggle('orderedList', 'Numbered list', ListOrdered, 'Mod-Shift-7'),
];

export const INSERT_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'divider',
    label: 'Divider',
    icon: Minus,
    run: (e) => e.chain().focus().setHorizontalRule().run(),
    canRun: (e) => e.can().setHorizontalRule(),
  },
  ...LAYOUT_ACTIONS,
];
