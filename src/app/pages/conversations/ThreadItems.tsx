import { useEffect, useRef } from 'react';
import type { ThreadItem } from '../../api/types';
import { ThreadEvent } from './ThreadEvent';
import { ThreadMessage } from './ThreadMessage';

interface ThreadItemsProps {
  items: ThreadItem[];
  hasOlder: boolean;
  onLoadOlder: () => void;
  olderBusy: boolean;
  olderError: string | null;
  following: boolean;
}

/** The thread, oldest first, kept scrolled to the newest item when something arrives. */
export function ThreadItems({ items, hasOlder, onLoadOlder, olderBusy, olderError, following }: ThreadItemsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const newest = items.at(-1)?.id;
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [newest]);

  return (
    <div className="thread-scroll" ref={scroller}>
      {hasOlder && (
        <div className="thread-older">
          {olderError && <p className="text-bad small">{olderError}</p>}
          <button type="button" className="button button--small" onClick={onLoadOlder} disabled={olderBusy}>
            {olderBusy ? 'Loading…' : 'Show earlier messages'}
          </button>
        </div>
      )}
      {items.length === 0 ? (
        <p className="thread-empty muted">Nothing here yet. Messages, replies, logins and access changes with this contact will show up here.</p>
      ) : (
        <ol className="thread-items" aria-label="Messages and events">
          {items.map((item) => (item.kind === 'event' ? <ThreadEvent key={item.id} item={item} /> : <ThreadMessage key={item.id} item={item} />))}
        </ol>
      )}
      {following && (
        <p className="thread-following muted small" role="status">
          Waiting for delivery…
        </p>
      )}
    </div>
  );
}
