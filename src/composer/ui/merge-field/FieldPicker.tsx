import { useEffect, useId, type CSSProperties } from 'react';
import { useComposerAction, useFieldPicker } from '../../store/hooks';
import { Listbox, optionId } from '../listbox/Listbox';

// The contenteditable keeps focus while the list is open (combobox pattern), so it carries the
// attributes that tell assistive technology which option is current.
const OWNER_ATTRIBUTES = ['aria-expanded', 'aria-controls', 'aria-activedescendant', 'aria-autocomplete'];

/** The list opened by typing `{{`: filtered as you type, ArrowUp/Down to move, Enter or Tab to insert, Escape to close. */
export function FieldPicker() {
  const picker = useFieldPicker();
  const highlightSuggestion = useComposerAction('highlightSuggestion');
  const listId = `${useId()}-fields`;

  const owner = picker?.owner;
  const activeOption = picker && picker.items.length > 0 ? optionId(listId, picker.highlighted) : null;
  useEffect(() => {
    if (!owner) return;
    owner.setAttribute('aria-expanded', 'true');
    owner.setAttribute('aria-controls', listId);
    owner.setAttribute('aria-autocomplete', 'list');
    if (activeOption) owner.setAttribute('aria-activedescendant', activeOption);
    else owner.removeAttribute('aria-activedescendant');
    return () => OWNER_ATTRIBUTES.forEach((name) => owner.removeAttribute(name));
  }, [owner, listId, activeOption]);

  if (!picker) return null;
  const { anchor, items, highlighted, query, loading, choose } = picker;
  // Fixed under the typed `{{query}}`; without a rect (no layout engine) it sits in the flow.
  const position: CSSProperties | undefined = anchor ? { position: 'fixed', top: anchor.bottom + 4, left: anchor.left } : undefined;

  return (
    <div className="ml-popover ml-field-picker" style={position}>
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
