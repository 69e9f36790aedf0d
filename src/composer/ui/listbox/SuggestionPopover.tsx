import { useId } from 'react';
import type { SuggestionItems, SuggestionListName } from '../../store/composer-store';
import { useComposerStore } from '../../store/ComposerStoreContext';
import { useComposerAction } from '../../store/hooks';
import { Listbox, optionId } from './Listbox';
import { popoverBelow, useComboboxOwner } from './use-combobox-owner';
import { useFollowedAnchor } from './use-followed-anchor';

interface SuggestionPopoverProps<K extends SuggestionListName> {
  /** Which of the store's suggestion lists this shows. */
  name: K;
  label: string;
  describe: (item: SuggestionItems[K]) => { key: string; label: string; detail: string };
  /** What the popover says when nothing matches the typed query. */
  emptyText: (query: string, loading: boolean) => string;
}

/**
 * A list opened by typing in the body (`{{` fields, `/` blocks), under the typed text: filtered as you
 * type, ArrowUp/Down to move, Enter to choose, Escape to close. The editor keeps focus and names the
 * highlighted option (aria-activedescendant); the store owns the list. It follows the typed text
 * when the page or a container scrolls, and closes once the text scrolls out of sight.
 */
export function SuggestionPopover<K extends SuggestionListName>({ name, label, describe, emptyText }: SuggestionPopoverProps<K>) {
  const list = useComposerStore((state) => state[name]);
  const highlightSuggestion = useComposerAction('highlightSuggestion');
  const listId = `${useId()}-${name}`;
  const activeOption = list && list.items.length > 0 ? optionId(listId, list.highlighted) : null;
  useComboboxOwner(list?.owner, listId, activeOption);
  const anchor = useFollowedAnchor(list?.anchor ?? null, list?.owner, () => list?.dismiss());

  if (!list) return null;
  const { items, highlighted, query, loading, choose } = list;
  return (
    <div className="ml-popover ml-field-picker" style={popoverBelow(anchor)}>
      <Listbox
        id={listId}
        label={label}
        items={items as SuggestionItems[K][]}
        describe={describe}
        highlighted={highlighted}
        onHighlight={(index) => highlightSuggestion(name, index)}
        onChoose={choose as (item: SuggestionItems[K]) => void}
      />
      {items.length === 0 && (
        <p className="ml-listbox-empty" role="status">
          {emptyText(query, loading)}
        </p>
      )}
    </div>
  );
}
