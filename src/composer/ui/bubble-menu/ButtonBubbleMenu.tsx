import { useEditorState, type Editor } from '@tiptap/react';
import type { ButtonAttributes } from '../../extensions/button-attributes';
import { ButtonSettingsForm } from '../forms/ButtonSettingsForm';
import { selectedNodeAttributes } from './selected-node';
import { SelectionBubbleMenu } from './SelectionBubbleMenu';

const selectedButton = (editor: Editor) => selectedNodeAttributes(editor, 'button') as ButtonAttributes | null;
const isButtonSelected = (editor: Editor) => selectedButton(editor) !== null;

/** Clicking a button selects it; this menu edits its label, address and look, or removes it. */
export function ButtonBubbleMenu({ editor }: { editor: Editor }) {
  const button = useEditorState({ editor, selector: ({ editor: e }) => selectedButton(e) });
  return (
    <SelectionBubbleMenu editor={editor} showFor={isButtonSelected} label="Button settings">
      {/* Re-created when another button gets selected (or this one changes), so the form shows its values. */}
      {button && <ButtonSettingsForm key={JSON.stringify(button)} editor={editor} button={button} />}
    </SelectionBubbleMenu>
  );
}
