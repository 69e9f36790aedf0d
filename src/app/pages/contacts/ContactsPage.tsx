import { useState } from 'react';
import { listContacts } from '../../api/contacts';
import { useDebounced } from '../../hooks/use-debounced';
import { useResource } from '../../hooks/use-resource';
import { navigate } from '../../router/history';
import { useSite } from '../../session/SiteContext';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { ContactFormDialog } from './ContactFormDialog';
import { ContactTable } from './ContactTable';
import { CsvImportDialog } from './CsvImportDialog';

const PAGE_SIZE = 50;

export function ContactsPage() {
  const { site } = useSite();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const term = useDebounced(search.trim(), 250);
  const contacts = useResource(() => listContacts(site.id, { search: term || undefined, limit: PAGE_SIZE, offset }), [site.id, term, offset]);
  const { state } = contacts;

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you send links to. Open a contact to grant offers, see their links, or find out why a link fails."
        actions={
          <>
            <button type="button" className="button" onClick={() => setDialog('import')}>
              Import CSV
            </button>
            <button type="button" className="button button--primary" onClick={() => setDialog('new')}>
              New contact
            </button>
          </>
        }
      />
      <div className="toolbar-row">
        <label className="search">
          <span className="visually-hidden">Search contacts</span>
          <input
            className="input"
            type="search"
            placeholder="Search by name, email or phone"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setOffset(0);
            }}
          />
        </label>
        {state.data && (
          <span className="muted" role="status">
            {state.data.total} contact{state.data.total === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {state.status === 'error' && <ErrorState message={state.error} onRetry={contacts.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (state.data.contacts.length === 0 ? (
          term ? (
            <EmptyState title="No matches">No contact matches “{term}”.</EmptyState>
          ) : (
            <EmptyState
              title="No contacts yet"
              action={
                <button type="button" className="button button--primary" onClick={() => setDialog('new')}>
                  Add a contact
                </button>
              }
            >
              Add contacts one by one or import a CSV file.
            </EmptyState>
          )
        ) : (
          <>
            <ContactTable contacts={state.data.contacts} busy={state.status === 'loading'} />
            {state.data.total > PAGE_SIZE && (
              <div className="pager">
                <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(offset - PAGE_SIZE)}>
                  Previous
                </button>
                <span className="muted">
                  {offset + 1}–{Math.min(offset + PAGE_SIZE, state.data.total)} of {state.data.total}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={offset + PAGE_SIZE >= state.data.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  Next
                </button>
              </div>
            )}
          </>
        ))}
      {dialog === 'new' && (
        <ContactFormDialog
          siteId={site.id}
          contact={null}
          onClose={() => setDialog(null)}
          onSaved={(contact) => navigate(`/contacts/${contact.id}`)}
        />
      )}
      <CsvImportDialog siteId={site.id} open={dialog === 'import'} onClose={() => setDialog(null)} onImported={contacts.reload} />
    </>
  );
}
