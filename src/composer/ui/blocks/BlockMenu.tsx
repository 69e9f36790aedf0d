import { SuggestionPopover } from '../listbox/SuggestionPopover';

/** The list opened by typing `/` in the email body: filtered as you type, ArrowUp/Down, Enter inserts, Escape closes. */
export function BlockMenu() {
  return (
    <SuggestionPopover
      name="blockMenu"
      label="Insert block"
      describe={(command) => ({ key: command.id, label: command.label, detail: command.hint })}
      emptyText={(query) => `No block matches “${query}”.`}
    />
  );
}
