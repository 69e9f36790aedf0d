import { useState } from 'react';
import { listOutbox } from '../../api/messages';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { OutboxList } from './OutboxList';
import { OutboxMessageView } from './OutboxMessageView';

/** What the embedded transport delivered, shown as each recipient sees it. */
export function OutboxPage() {
  const { site } = useSite();
  const outbox = useResource(() => listOutbox(site.id), [site.id]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { state } = outbox;
  const messages = state.data ?? [];
  const selected = messages.find((message) => message.id === selectedId) ?? messages[0];

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Messages the built-in transport delivered (no SMTP or SMS provider is configured). Links work: open one as the recipient would."
        actions={
          <button type="button" className="button" onClick={outbox.reload} disabled={state.status === 'loading'}>
            {state.status === 'loading' && state.data ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      {state.status === 'error' && <ErrorState message={state.error} onRetry={outbox.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (messages.length === 0 ? (
          <EmptyState title="Nothing delivered yet">Send a template, or ask for a login link on the member site, and the message appears here.</EmptyState>
        ) : (
          <div className="outbox">
            <OutboxList messages={messages} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            {selected && <OutboxMessageView key={selected.id} message={selected} />}
          </div>
        ))}
    </>
  );
}
