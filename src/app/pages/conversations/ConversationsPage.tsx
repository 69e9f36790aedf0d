import { useCallback, useState } from 'react';
import { useSite } from '../../session/SiteContext';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState } from '../../ui/States';
import { ConversationList } from './ConversationList';
import { ThreadPanel } from './ThreadPanel';

/**
 * Contacts by last activity beside the chosen contact's thread. On phones only one of the two
 * shows: the list, or the open thread with a way back.
 */
export function ConversationsPage({ contactId }: { contactId: string | null }) {
  const { site } = useSite();
  // Bumped after a send so the list re-sorts by activity.
  const [listVersion, setListVersion] = useState(0);
  const onActivity = useCallback(() => setListVersion((n) => n + 1), []);

  return (
    <>
      <PageHeader
        title="Conversations"
        description="One thread per contact: what they received, their replies, logins and access changes. Send an email or SMS with their own magic links."
      />
      <div className={`conversations${contactId ? ' conversations--open' : ''}`}>
        <ConversationList siteId={site.id} selectedId={contactId} version={listVersion} />
        {contactId ? (
          <ThreadPanel key={contactId} site={site} contactId={contactId} onActivity={onActivity} />
        ) : (
          <div className="conversations-placeholder">
            <EmptyState title="Choose a conversation">Pick a contact on the left, or search for anyone to start a thread with them.</EmptyState>
          </div>
        )}
      </div>
    </>
  );
}
