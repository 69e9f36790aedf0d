import type { Editor } from '@tiptap/react';

/** One toolbar command. Toggles (marks, headings, lists) have `isActive` and show as pressed. */
export interface FormattingAction {
  id: string;
  label: string;
  /** Short visible face of the button; the label is its accessible name. */
  glyph: string;
  run: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  isActive?: (editor: Editor) => boolean;
}

export const HISTORY_ACTIONS: readonly FormattingAction[] = [
  { id: 'undo', label: 'Undo', glyph: '↶', run: (e) => e.chain().focus().undo().run(), canRun: (e) => e.can().undo() },
  { id: 'redo', label: 'Redo', glyph: '↷', run: (e) => e.chain().focus().redo().run(), canRun: (e) => e.can().redo() },
];

export const MARK_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'bold',
    label: 'Bold',
    glyph: 'B',
    run: (e) => e.chain().focus().toggleBold().run(),
    canRun: (e) => e.can().toggleBold(),
    isActive: (e) => e.isActive('bold'),
  },
  {
    id: 'italic',
    label: 'Italic',
    glyph: 'I',
    run: (e) => e.chain().focus().toggleItalic().run(),
    canRun: (e) => e.can().toggleItalic(),
    isActive: (e) => e.isActive('italic'),
  },
  {
    id: 'underline',
    label: 'Underline',
    glyph: 'U',
    run: (e) => e.chain().focus().toggleUnderline().run(),
    canRun: (e) => e.can().toggleUnderline(),
    isActive: (e) => e.isActive('underline'),
  },
];

const heading = (level: 1 | 2): FormattingAction => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  glyph: `H${level}`,
  run: (e) => e.chain().focus().toggleHeading({ level }).run(),
  canRun: (e) => e.can().toggleHeading({ level }),
  isActive: (e) => e.isActive('heading', { level }),
});

export const BLOCK_ACTIONS: readonly FormattingAction[] = [
  heading(1),
  heading(2),
  {
    id: 'bullet-list',
    label: 'Bulleted list',
    glyph: '•',
    run: (e) => e.chain().focus().toggleBulletList().run(),
    canRun: (e) => e.can().toggleBulletList(),
    isActive: (e) => e.isActive('bulletList'),
  },
  {
    id: 'ordered-list',
    label: 'Numbered list',
    glyph: '1.',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    canRun: (e) => e.can().toggleOrderedList(),
    isActive: (e) => e.isActive('orderedList'),
  },
];

export const INSERT_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'divider',
    label: 'Divider',
    glyph: '―',
    run: (e) => e.chain().focus().setHorizontalRule().run(),
    canRun: (e) => e.can().setHorizontalRule(),
  },
];
