import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';
import type { MergeFieldAttributes } from '../../extensions/merge-field';
import { describeField } from '../../merge-field/describe-field';
import { useComposerConfig } from '../../store/hooks';
import { selectedNodeAttributes } from './selected-node';
import { SelectionBubbleMenu } from './SelectionBubbleMenu';

const selectedField = (editor: Editor) => selectedNodeAttributes(editor, 'mergeField') as MergeFieldAttributes | null;
const isFieldSelected = (editor: Editor) => selectedField(editor) !== null;

/** Clicking a chip selects it; this menu then edits its fallback (what shows when the contact has no value). */
export function MergeFieldBubbleMenu({ editor }: { editor: Editor }) {
  const field = useEditorState({ editor, selector: ({ editor: e }) => selectedField(e) });
  return (
    <SelectionBubbleMenu editor={editor} showFor={isFieldSelected} label="Field fallback">
      {field && <FallbackForm key={`${field.key}:${field.fallback ?? ''}`} editor={editor} field={field} />}
    </SelectionBubbleMenu>
  );
}

function FallbackForm({ editor, field }: { editor: Editor; field: MergeFieldAttributes }) {
  const { catalog, destinations } = useComposerConfig();
  const [fallback, setFallback] = useState(field.fallback ?? '');
  const id = useId();
  const { label } = describeField(field.key, catalog, destinations);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    editor.chain().focus().setMergeFieldFallback(fallback).run();
  };

  return (
    <form className="ml-fallback-form" onSubmit={apply}>
      <label className="ml-field-label" htmlFor={`${id}-fallback`}>
        Fallback for {label}
      </label>
      <div className="ml-inline-form">
        <input
          id={`${id}-fallback`}
          className="ml-input"
          type="text"
          value={fallback}
          placeholder="e.g. there"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setFallback(event.target.value)}
        />
        <button type="submit" className="ml-button-primary">
          Set fallback
        </button>
      </div>
      <span className="ml-field-hint" id={`${id}-hint`}>
        Used when a contact has no {label.toLowerCase()}.
      </span>
    </form>
  );
}
