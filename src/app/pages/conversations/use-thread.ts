import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/client';
import { getThread } from '../../api/conversations';
import type { ThreadItem, ThreadPage } from '../../api/types';
import { useResource } from '../../hooks/use-resource';

const QUIET_REFRESH_MS = 15_000;
const FOLLOW_MS = 800;
const FOLLOW_ATTEMPTS = 25;
const SETTLED = new Set(['sent', 'failed', 'skipped']);

/**
 * A contact's thread: the latest page (refreshed quietly while the tab is visible, so replies and
 * logins show up), older pages on request, and `follow(messageId)` that polls after a send until
 * the message shows as delivered (or failed, or skipped with its reason).
 */
export function useThread(siteId: string, contactId: string) {
  const latest = useResource(() => getThread(siteId, contactId), [siteId, contactId]);
  const [older, setOlder] = useState<{ items: ThreadItem[]; before: string | null } | null>(null);
  const [olderState, setOlderState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [following, setFollowing] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const { set } = latest;
  const refreshQuietly = useCallback(async (): Promise<ThreadPage | null> => {
    try {
      const page = await getThread(siteId, contactId);
      if (alive.current) set(page);
      return page;
    } catch {
      return null; // The next refresh tries again; a visible error would be noise here.
    }
  }, [siteId, contactId, set]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshQuietly();
    }, QUIET_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshQuietly]);

  const follow = useCallback(
    async (messageId: string) => {
      setFollowing(true);
      for (let attempt = 0; attempt < FOLLOW_ATTEMPTS && alive.current; attempt++) {
        const page = await refreshQuietly();
        const item = page?.items.find((candidate) => candidate.messageId === messageId);
        if (item && SETTLED.has(item.status ?? '')) break;
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
      }
      if (alive.current) setFollowing(false);
    },
    [refreshQuietly],
  );

  const latestPage = latest.state.data;
  const olderCursor = older ? older.before : (latestPage?.page.before ?? null);
  const loadOlder = async () => {
    if (!olderCursor) return;
    setOlderState({ busy: true, error: null });
    try {
      const page = await getThread(siteId, contactId, { before: olderCursor });
      if (!alive.current) return;
      setOlder((previous) => ({ items: [...page.items, ...(previous?.items ?? [])], before: page.page.before }));
      setOlderState({ busy: false, error: null });
    } catch (error) {
      if (alive.current) setOlderState({ busy: false, error: messageOf(error) });
    }
  };

  const latestIds = new Set(latestPage?.items.map((item) => item.id));
  const items = [...(older?.items.filter((item) => !latestIds.has(item.id)) ?? []), ...(latestPage?.items ?? [])];
  return { state: latest.state, reload: latest.reload, items, hasOlder: olderCursor !== null, loadOlder, olderState, follow, following };
}
