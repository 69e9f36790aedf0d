import { useEffect, useState } from 'react';
import { getMessage, messageEventsUrl, type ProgressEvent } from '../../api/messages';
import type { MessageSummary } from '../../api/types';

const POLL_MS = 1500;

/**
 * Follows a send live over server-sent events (`progress`, then `done`). If the stream cannot be
 * opened or drops, it falls back to polling the message until it completes.
 */
export function useSendProgress(siteId: string, initial: MessageSummary): ProgressEvent & { live: boolean } {
  const [progress, setProgress] = useState<ProgressEvent>({ status: initial.status, counts: initial.counts });
  const [live, setLive] = useState(false);

  useEffect(() => {
    let finished = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = (next: ProgressEvent) => {
      setProgress(next);
      if (next.status === 'completed') finished = true;
    };
    const poll = () => {
      if (finished) return;
      getMessage(siteId, initial.id).then(
        (message) => {
          apply({ status: message.status, counts: message.counts });
          if (!finished) timer = setTimeout(poll, POLL_MS);
        },
        () => {
          timer = setTimeout(poll, POLL_MS * 2);
        },
      );
    };

    const source = new EventSource(messageEventsUrl(siteId, initial.id));
    const onEvent = (event: MessageEvent<string>) => {
      try {
        apply(JSON.parse(event.data) as ProgressEvent);
      } catch {
        // A malformed event changes nothing; the next one (or polling) catches up.
      }
    };
    source.onopen = () => setLive(true);
    source.addEventListener('progress', onEvent as EventListener);
    source.addEventListener('done', (event) => {
      onEvent(event as MessageEvent<string>);
      finished = true;
      source.close();
      setLive(false);
    });
    source.onerror = () => {
      source.close();
      setLive(false);
      poll();
    };
    return () => {
      finished = true;
      source.close();
      clearTimeout(timer);
    };
  }, [siteId, initial.id]);

  return { ...progress, live };
}
