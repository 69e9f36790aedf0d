import { lazy, Suspense } from 'react';
import { getContact } from '../../api/contacts';
import type { Site } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { ErrorState, Loading } from '../../ui/States';
import { ThreadHeader } from './ThreadHeader';
import { ThreadItems } from './ThreadItems';
import { useThread } from './use-thread';

// The composer (Tiptap, ProseMirror) is most of the bundle: it loads when a thread is opened.
const ThreadComposer = lazy(() => import('./ThreadComposer').then((module) => ({ default: module.ThreadComposer })));

interface ThreadPanelProps {
  site: Site;
  contactId: string;
  /** Called after a send went through, so the conversation list can re-sort. */
  onActivity: () => void;
}

/** One contact's thread, newest last, with the compact composer under it. */
export function ThreadPanel({ site, contactId, onActivity }: ThreadPanelProps) {
  const contact = useResource(() => getContact(site.id, contactId), [site.id, contactId]);
  const thread = useThread(site.id, contactId);

  if (contact.state.status === 'error') {
    return (
      <section className="card thread" aria-label="Thread">
        <ErrorState message={contact.state.error} onRetry={contact.reload} />
      </section>
    );
  }
  if (!contact.state.data) {
    return (
      <section className="card thread" aria-label="Thread">
        <Loading />
      </section>
    );
  }
  const person = contact.state.data;

  return (
    <section className="card thread" aria-label="Thread">
      <ThreadHeader contact={person} />
      {thread.state.status === 'error' && !thread.state.data && <ErrorState message={thread.state.error} onRetry={thread.reload} />}
      {thread.state.status === 'loading' && !thread.state.data && <Loading label="Loading the thread…" />}
      {thread.state.data && (
        <ThreadItems
          items={thread.items}
          hasOlder={thread.hasOlder}
          onLoadOlder={thread.loadOlder}
          olderBusy={thread.olderState.busy}
          olderError={thread.olderState.error}
          following={thread.following}
        />
      )}
      <Suspense fallback={<Loading label="Loading the composer…" />}>
        <ThreadComposer
          site={site}
          contact={person}
          onSent={(messageId) => {
            onActivity();
            void thread.follow(messageId).then(onActivity);
          }}
        />
      </Suspense>
    </section>
  );
}
