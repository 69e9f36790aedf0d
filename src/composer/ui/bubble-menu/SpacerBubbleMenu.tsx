import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';
import { SPACER_HEIGHT } from '../../../template/nodes/spacer';
import { isWholeNumberIn } from '../../../template/whole-number';
import { selectedNodeAttributes } from './selected-node';
import { SelectionBubbleMenu } from './SelectionBubbleMenu';

const selectedHeight = (editor: Editor) => (selectedNodeAttributes(editor, 'spacer')?.height as number | undefined) ?? null;
const isSpacerSelected = (editor: Editor) => selectedHeight(editor) !== null;

/** The typed height when it is written in digits and a whole number of pixels the email allows, else null. */
function allowedHeight(typed: string): number | null {
  const digits = typed.trim();
  const height = Number(digits);
  return /^\d+$/.test(digits) && isWholeNumberIn(height, SPACER_HEIGHT) ? height : null;
}

/** Clicking a space selects it; this menu sets its height. */
export function SpacerBubbleMenu({ editor }: { editor: Editor }) {
  const height = useEditorState({ editor, selector: ({ editor: e }) => selectedHeight(e) });
  return (
    <SelectionBubbleMenu editor={editor} showFor={isSpacerSelected} label="Space settings">
      {height !== null && <SpacerHeightForm key={height} editor={editor} height={height} />}
    </SelectionBubbleMenu>
  );
}

function SpacerHeightForm({ editor, height }: { editor: Editor; height: number }) {
  const [typed, setTyped] = useState(String(height));
  const [refused, setRefused] = useState(false);
  const id = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const chosen = allowedHeight(typed);
    setRefused(chosen === null);
    if (chosen !== null) editor.chain().focus().updateAttributes('spacer', { height: chosen }).run();
  };

  return (
    <form className="ml-spacer-form" onSubmit={apply} noValidate>
      <label className="ml-field-label" htmlFor={`${id}-height`}>
        Height (px)
      </label>
      <div className="ml-inline-form">
        <input
          id={`${id}-height`}
          className="ml-input ml-input--narrow"
          type="text"
          inputMode="numeric"
          value={typed}
          aria-invalid={refused}
          onChange={(event) => {
            setTyped(event.target.value);
            setRefused(false);
          }}
        />
        <button type="submit" className="ml-button-primary">
          Set height
        </button>
      </div>
      {refused && (
        <p className="ml-error" role="alert">
          A whole number of pixels from {SPACER_HEIGHT.min} to {SPACER_HEIGHT.max}.
        </p>
      )}
    </form>
  );
}
