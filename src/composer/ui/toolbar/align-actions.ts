import type { Editor } from '@tiptap/react';
import type { LucideIcon } from 'lucide-react';
import TextAlignCenter from 'lucide-react/icons/text-align-center';
import TextAlignEnd from 'lucide-react/icons/text-align-end';
import TextAlignStart from 'lucide-react/icons/text-align-start';
import type { Alignment } from '../../../template/nodes/alignment';
import { TEXT_ALIGN_TYPES } from '../../extensions/text-align';
import type { FormattingAction } from './formatting-actions';

/** The alignment of the paragraph or heading holding the caret (unset reads as left), or null elsewhere. */
function currentTextAlign(editor: Editor): Alignment | null {
  const block = editor.state.selection.$from.parent;
  if (!(TEXT_ALIGN_TYPES as readonly string[]).includes(block.type.name)) return null;
  return (block.attrs.align as Alignment | null) ?? 'left';
}

const alignAction = (align: Alignment, label: string, icon: LucideIcon, key: string): FormattingAction => ({
  id: `align-${align}`,
  label,
  icon,
  shortcut: `Mod-Shift-${key}`,
  run: (e) => e.chain().focus().setTextAlign(align).run(),
  canRun: (e) => currentTextAlign(e) !== null,
  isActive: (e) => currentTextAlign(e) === align,
});

/** Left, centre and right for paragraphs and headings (`align` in the document). */
export const ALIGN_ACTIONS: readonly FormattingAction[] = [
  alignAction('left', 'Align left', TextAlignStart, 'L'),
  alignAction('center', 'Align centre', TextAlignCenter, 'E'),
  alignAction('right', 'Align right', TextAlignEnd, 'R'),
];
