import { useId } from 'react';
import { useBlockMenu, useComposerAction } from '../../store/hooks';
import { Listbox, optionId } from '../listbox/Listbox';
import { popoverBelow, useComboboxOwner } from '../listbox/use-combobox-owner';

/** The list opened by typing `/` in the email body: filtered as you type, ArrowUp/Down, Enter inserts, Escape closes. */
export function BlockMenu() {
  const menu = useBlockMenu();
  const highlightSuggestion = useComposerAction('highlightSuggestion');
  const listId = `${useId()}-blocks`;
  const activeOption = menu && menu.items.length > 0 ? optionId(listId, menu.highlighted) : null;
  useComboboxOwner(menu?.owner, listId, activeOption);

  if (!menu) return null;
  const { anchor, items, highlighted, query, choose } = menu;

  return (
    <div className="ml-popover ml-field-picker" style={popoverBelow(anchor)}>
      <Listbox
        id={listId}
        label="Insert block"
        items={items}
        describe={(command) => ({ key: command.id, label: command.label, detail: command.hint })}
        highlighted={highlighted}
        onHighlight={(index) => highlightSuggestion('blockMenu', index)}
        onChoose={choose}
      />
      {items.length === 0 && (
        <p className="ml-listbox-empty" role="status">
          No block matches “{query}”.
        </p>
      )}
    </div>
  );
}
