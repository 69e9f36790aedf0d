import { useEffect, type ReactNode } from 'react';

interface ListboxProps<T> {
  id: string;
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  highlighted: number;
  onHighlight: (index: number) => void;
  onChoose: (item: T) => void;
}

/** The id of option `index` of the listbox `listboxId`, for aria-activedescendant on the focused field. */
export const optionId = (listboxId: string, index: number) => `${listboxId}-option-${index}`;

/**
 * The option list of a combobox. Focus stays in the field that owns it (an editor, a search input),
 * which points at the highlighted option with aria-activedescendant; the mouse works too.
 */
export function Listbox<T>({ id, label, items, itemKey, renderItem, highlighted, onHighlight, onChoose }: ListboxProps<T>) {
  useEffect(() => {
    document.getElementById(optionId(id, highlighted))?.scrollIntoView?.({ block: 'nearest' });
  }, [id, highlighted]);

  return (
    <ul role="listbox" id={id} aria-label={label} className="ml-listbox">
      {items.map((item, index) => (
        <li
          key={itemKey(item)}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === highlighted}
          className="ml-listbox-option"
          // Keep focus (and what was typed) in the owning field.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => onHighlight(index)}
          onClick={() => onChoose(item)}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
