import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useComposerAction, useComposerConfig, usePreviewContact } from '../../store/hooks';
import type { ContactSummary } from '../../types';
import { Listbox, optionId } from '../listbox/Listbox';
import { wrapIndex } from '../../store/wrap-index';

const SEARCH_DELAY_MS = 250;

type Search =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; contacts: ContactSummary[] }
  | { status: 'error' };

/** Search the host's contacts (name or email) and pick the one the preview is for. */
export function ContactPicker() {
  const { searchContacts, labels } = useComposerConfig();
  const contact = usePreviewContact();
  const setContact = useComposerAction('setPreviewContact');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const [highlighted, setHighlighted] = useState(0);
  const id = useId();
  const listId = `${id}-contacts`;

  useEffect(() => {
    const term = query.trim();
    if (!searchContacts || !term) {
      setSearch({ status: 'idle' });
      return;
    }
    let superseded = false;
    const timer = setTimeout(() => {
      setSearch({ status: 'loading' });
      searchContacts(term).then(
        (contacts) => {
          if (superseded) return;
          setSearch({ status: 'done', contacts });
          setHighlighted(0);
        },
        () => {
          if (!superseded) setSearch({ status: 'error' });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
  }, [query, searchContacts]);

  if (!searchContacts) return null;
  const contacts = search.status === 'done' ? search.contacts : [];
  const open = contacts.length > 0;

  const choose = (chosen: ContactSummary) => {
    setContact(chosen);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves) {
      event.preventDefault();
      setHighlighted((index) => wrapIndex(index + moves[event.key], contacts.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(contacts[highlighted]);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="ml-contact-picker">
      <p className="ml-preview-for">
        {contact ? (
          <>
            Previewing for <strong>{contact.name}</strong> <span className="ml-field-hint">{contact.email}</span>{' '}
            <button type="button" className="ml-link-button" onClick={() => setContact(null)}>
              Use sample data
            </button>
          </>
        ) : (
          'Previewing with sample data.'
        )}
      </p>
      <label className="ml-field">
        <span className="ml-field-label">{labels.previewForContact}</span>
        <input
          className="ml-input"
          type="search"
          role="combobox"
          placeholder="Search by name or email"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? optionId(listId, highlighted) : undefined}
        />
      </label>
      {open && (
        <div className="ml-popover">
          <Listbox
            id={listId}
            label="Contacts"
            items={contacts}
            describe={(c) => ({ key: c.id, label: c.name, detail: c.email })}
            highlighted={highlighted}
            onHighlight={setHighlighted}
            onChoose={choose}
          />
        </div>
      )}
      <p className="ml-field-hint" role="status">
        {search.status === 'loading' && 'Searching…'}
        {search.status === 'error' && 'Contacts could not be searched. Try again.'}
        {search.status === 'done' && contacts.length === 0 && `No contact matches “${query.trim()}”.`}
      </p>
    </div>
  );
}
