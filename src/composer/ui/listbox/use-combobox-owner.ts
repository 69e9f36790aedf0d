import { useEffect, type CSSProperties } from 'react';

// The contenteditable keeps focus while a list is open (combobox pattern), so it carries the
// attributes that tell assistive technology which option is current.
const OWNER_ATTRIBUTES = ['aria-expanded', 'aria-controls', 'aria-activedescendant', 'aria-autocomplete'];

/** Points the editor that owns an open list at it (and at its current option) while it is open. */
export function useComboboxOwner(owner: HTMLElement | undefined, listId: string, activeOption: string | null) {
  useEffect(() => {
    if (!owner) return;
    owner.setAttribute('aria-expanded', 'true');
    owner.setAttribute('aria-controls', listId);
    owner.setAttribute('aria-autocomplete', 'list');
    if (activeOption) owner.setAttribute('aria-activedescendant', activeOption);
    else owner.removeAttribute('aria-activedescendant');
    return () => OWNER_ATTRIBUTES.forEach((name) => owner.removeAttribute(name));
  }, [owner, listId, activeOption]);
}

/** Fixed under the typed text; without a rect (no layout engine) the list sits in the flow. */
export const popoverBelow = (anchor: DOMRect | null): CSSProperties | undefined =>
  anchor ? { position: 'fixed', top: anchor.bottom + 4, left: anchor.left } : undefined;
