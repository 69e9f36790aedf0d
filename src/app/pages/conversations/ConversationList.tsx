import { useEffect, useState } from 'react';
import { listContacts } from '../../api/contacts';
import { messageOf } from '../../api/client';
import { listConversations } from '../../api/conversations';
import type { ConversationSummary } from '../../api/types';
import { useDebounced } from '../../hooks/use-debounced';
import { useResource } from '../../hooks/use-resource';
import { ErrorState, Loading } from '../../ui/States';
import { ConversationListItem } from './ConversationListItem';

interface ConversationListProps {
  siteId: string;
  selectedId: string | null;
  /** Changes when activity happened elsewhere on the page (a send): the list reloads. */
  version: number;
}

/**
 * Conversations by last activity. Typing searches every contact (name, email, phone), so a thread
 * can be started with someone who has none yet.
 */
export function ConversationList({ siteId, selectedId, version }: ConversationListProps) {
  const [query, setQuery] = useState('');
  const term = useDebounced(query.trim(), 250);
  const conversations = useResource(() => listConversations(siteId), [siteId, version]);
  const matches = useResource(
    () => (term ? listContacts(siteId, { search: term, limit: 20 }).then((page) => page.contacts) : Promise.resolve(null)),
    [siteId, term],
  );
  const [older, setOlder] = useState<{ items: ConversationSummary[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState<'idle' | 'busy' | string>('idle');
  useEffect(() => setOlder(null), [siteId, version]);

  const { state } = conversations;
  const next = older ? older.next : (state.data?.next ?? null);
  const loadMore = async () => {
    if (!next) return;
    setLoadingMore('busy');
    try {
      const page = await listConversations(siteId, next);
      setOlder((previous) => ({ items: [...(previous?.items ?? []), ...page.conversations], next: page.next }));
      setLoadingMore('idle');
    } catch (error) {
      setLoadingMore(messageOf(error));
    }
  };

  const searching = query.trim() !== '';
  const all = [...(state.data?.conversations ?? []), ...(older?.items ?? [])];

  return (
    <section className="card conversation-list" aria-label="Conversation list">
      <label className="conversation-search">
        <span className="visually-hidden">Search contacts</span>
        <input className="input" type="search" placeholder="Search contacts" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      {searching ? (
        <>
          {matches.state.status === 'error' && <ErrorState message={matches.state.error} onRetry={matches.reload} />}
          {(matches.state.status === 'loading' || term !== query.trim()) && !matches.state.data && <Loading label="Searching…" />}
          {matches.state.data && (
            <ul className="conversation-items" aria-label="Matching contacts">
              {matches.state.data.length === 0 && <li className="muted small conversation-none">No contact matches “{term}”.</li>}
              {matches.state.data.map((contact) => (
                <ConversationListItem
                  key={contact.id}
                  contactId={contact.id}
                  contact={contact}
                  lastActivityAt={all.find((c) => c.contactId === contact.id)?.lastActivityAt ?? null}
                  selected={contact.id === selectedId}
                />
              ))}
            </ul>
          )}
        </>
      ) : (
        <>
          {state.status === 'error' && <ErrorState message={state.error} onRetry={conversations.reload} />}
          {state.status === 'loading' && !state.data && <Loading />}
          {state.data &&
            (all.length === 0 ? (
              <p className="muted small conversation-none">No conversations yet. Search for a contact to send them a message.</p>
            ) : (
              <ul className="conversation-items" aria-label="Conversations">
                {all.map((conversation) => (
                  <ConversationListItem
                    key={conversation.contactId}
                    contactId={conversation.contactId}
                    contact={conversation}
                    lastActivityAt={conversation.lastActivityAt}
                    selected={conversation.contactId === selectedId}
                  />
                ))}
              </ul>
            ))}
          {next && (
            <div className="conversation-more">
              {loadingMore !== 'idle' && loadingMore !== 'busy' && <p className="text-bad small">{loadingMore}</p>}
              <button type="button" className="button button--small" onClick={loadMore} disabled={loadingMore === 'busy'}>
                {loadingMore === 'busy' ? 'Loading…' : 'Show older conversations'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
