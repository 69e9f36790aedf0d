import type { Editor } from '@tiptap/react';
import { LAYOUT_ACTIONS } from './layout-actions';

/** One toolbar command. Toggles (marks, headings, lists) have `isActive` and show as pressed. */
export interface FormattingAction {
  id: string;
  label: string;
  /** Short visible face of the button; the label is its accessible name. */
  glyph: string;
  /** Tiptap's keyboard shortcut for the same command (`Mod-B`), named in the tooltip. */
  shortcut?: string;
  run: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  isActive?: (editor: Editor) => boolean;
}

const markToggle = (mark: string, label: string, glyph: string, shortcut: string): FormattingAction => ({
  id: mark,
  label,
  glyph,
  shortcut,
  run: (e) => e.chain().focus().toggleMark(mark).run(),
  canRun: (e) => e.can().toggleMark(mark),
  isActive: (e) => e.isActive(mark),
});

const headingToggle = (level: 1 | 2): FormattingAction => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  glyph: `H${level}`,
  shortcut: `Mod-Alt-${level}`,
  run: (e) => e.chain().focus().toggleHeading({ level }).run(),
  canRun: (e) => e.can().toggleHeading({ level }),
  isActive: (e) => e.isActive('heading', { level }),
});

const listToggle = (list: 'bulletList' | 'orderedList', label: string, glyph: string, shortcut: string): FormattingAction => ({
  id: list,
  label,
  glyph,
  shortcut,
  run: (e) => e.chain().focus().toggleList(list, 'listItem').run(),
  canRun: (e) => e.can().toggleList(list, 'listItem'),
  isActive: (e) => e.isActive(list),
});

export const HISTORY_ACTIONS: readonly FormattingAction[] = [
  { id: 'undo', label: 'Undo', glyph: '↶', shortcut: 'Mod-Z', run: (e) => e.chain().focus().undo().run(), canRun: (e) => e.can().undo() },
  { id: 'redo', label: 'Redo', glyph: '↷', shortcut: 'Mod-Shift-Z', run: (e) => e.chain().focus().redo().run(), canRun: (e) => e.can().redo() },
];

export const MARK_ACTIONS: readonly FormattingAction[] = [
  markToggle('bold', 'Bold', 'B', 'Mod-B'),
  markToggle('italic', 'Italic', 'I', 'Mod-I'),
  markToggle('underline', 'Underline', 'U', 'Mod-U'),
];

export const BLOCK_ACTIONS: readonly FormattingAction[] = [
  headingToggle(1),
  headingToggle(2),
  listToggle('bulletList', 'Bulleted list', '•', 'Mod-Shift-8'),
  listToggle('orderedList', 'Numbered list', '1.', 'Mod-Shift-7'),
];

export const INSERT_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'divider',
    label: 'Divider',
    glyph: '―',
    run: (e) => e.chain().focus().setHorizontalRule().run(),
    canRun: (e) => e.can().setHorizontalRule(),
  },
  ...LAYOUT_ACTIONS,
];
