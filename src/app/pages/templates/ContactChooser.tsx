import { useId, useState } from 'react';
import { listContacts } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { useDebounced } from '../../hooks/use-debounced';
import { useResource } from '../../hooks/use-resource';
import { contactName } from '../../ui/format';

interface ContactChooserProps {
  siteId: string;
  chosen: Contact[];
  onChange: (contacts: Contact[]) => void;
  /** The search field's label. */
  label?: string;
}

/** Search contacts and add them to the recipients; chosen ones show as removable chips. */
export function ContactChooser({ siteId, chosen, onChange, label = 'Add recipients' }: ContactChooserProps) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const term = useDebounced(query.trim(), 250);
  const results = useResource(() => (term ? listContacts(siteId, { search: term, limit: 8 }).then((page) => page.contacts) : Promise.resolve([])), [siteId, term]);
  const found = (results.state.data ?? []).filter((contact) => !chosen.some((c) => c.id === contact.id));

  return (
    <div className="chooser">
      {chosen.length > 0 && (
        <ul className="chips" aria-label="Recipients">
          {chosen.map((contact) => (
            <li key={contact.id} className="chip">
              {contactName(contact)}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${contactName(contact)}`}
                onClick={() => onChange(chosen.filter((c) => c.id !== contact.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label className="field-label" htmlFor={searchId}>
          {label}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          placeholder="Search by name or email"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {term && (
        <ul className="row-list" aria-label="Matching contacts">
          {found.length === 0 && results.state.status === 'ready' && <li className="muted">No other contact matches “{term}”.</li>}
          {found.map((contact) => (
            <li key={contact.id} className="row-item">
              <span>
                {contactName(contact)} <span className="muted small">{contact.email ?? contact.phone}</span>
              </span>
              <button type="button" className="button button--small" onClick={() => onChange([...chosen, contact])} aria-label={`Add ${contactName(contact)}`}>
                Add
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
