import { SuggestionPopover } from '../listbox/SuggestionPopover';

/** The list opened by typing `{{`: filtered as you type, ArrowUp/Down to move, Enter or Tab to insert, Escape to close. */
export function FieldPicker() {
  return (
    <SuggestionPopover
      name="fieldPicker"
      label="Insert field"
      describe={(field) => ({ key: field.key, label: field.label, detail: field.key })}
      emptyText={(query, loading) => (loading ? 'Looking for fields…' : `No field matches “${query}”.`)}
    />
  );
}
