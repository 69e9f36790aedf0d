import { useId } from 'react';
import { useComposerAction, useFieldPicker } from '../../store/hooks';
import { Listbox, optionId } from '../listbox/Listbox';
import { popoverBelow, useComboboxOwner } from '../listbox/use-combobox-owner';

/** The list opened by typing `{{`: filtered as you type, ArrowUp/Down to move, Enter or Tab to insert, Escape to close. */
export function FieldPicker() {
  const picker = useFieldPicker();
  const highlightSuggestion = useComposerAction('highlightSuggestion');
  const listId = `${useId()}-fields`;
  const activeOption = picker && picker.items.length > 0 ? optionId(listId, picker.highlighted) : null;
  useComboboxOwner(picker?.owner, listId, activeOption);

  if (!picker) return null;
  const { anchor, items, highlighted, query, loading, choose } = picker;

  return (
    <div className="ml-popover ml-field-picker" style={popoverBelow(anchor)}>
      <Listbox
        id={listId}
        label="Insert field"
        items={items}
        describe={(field) => ({ key: field.key, label: field.label, detail: field.key })}
        highlighted={highlighted}
        onHighlight={(index) => highlightSuggestion('fieldPicker', index)}
        onChoose={choose}
      />
      {items.length === 0 && (
        <p className="ml-listbox-empty" role="status">
          {loading ? 'Looking for fields…' : `No field matches “${query}”.`}
        </p>
      )}
    </div>
  );
}
