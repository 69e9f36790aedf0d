import { useEffect } from 'react';

interface ListboxProps<T> {
  id: string;
  label: string;
  items: readonly T[];
  /** What an option shows: a name, and a second line (a key, an email address). */
  describe: (item: T) => { key: string; label: string; detail: string };
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
export function Listbox<T>({ id, label, items, describe, highlighted, onHighlight, onChoose }: ListboxProps<T>) {
  useEffect(() => {
    document.getElementById(optionId(id, highlighted))?.scrollIntoView?.({ block: 'nearest' });
  }, [id, highlighted]);

  return (
    <ul role="listbox" id={id} aria-label={label} className="ml-listbox">
      {items.map((item, index) => {
        const { key, label: name, detail } = describe(item);
        return (
          <li
            key={key}
            id={optionId(id, index)}
            role="option"
            aria-selected={index === highlighted}
            className="ml-listbox-option"
            // Keep focus (and what was typed) in the owning field.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => onHighlight(index)}
            onClick={() => onChoose(item)}
          >
            <span className="ml-listbox-label">{name}</span>
            <span className="ml-listbox-detail">{detail}</span>
          </li>
        );
      })}
    </ul>
  );
}
