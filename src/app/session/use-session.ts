import { useCallback, useEffect, useState } from 'react';
import { fetchSessionSites, signOut } from '../api/auth';
import { messageOf, onSignedOut } from '../api/client';
import type { Site } from '../api/types';

export type Session =
  | { status: 'checking' }
  | { status: 'signedOut' }
  | { status: 'error'; message: string }
  | { status: 'signedIn'; sites: Site[] };

/**
 * Whether a staff session exists: GET /api/sites answers 401 without one. Any later 401 from the
 * API (the session expired, or ended in another tab) signs the app out too.
 */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'checking' });

  const check = useCallback(() => {
    setSession({ status: 'checking' });
    fetchSessionSites().then(
      (sites) => setSession(sites ? { status: 'signedIn', sites } : { status: 'signedOut' }),
      (error: unknown) => setSession({ status: 'error', message: messageOf(error) }),
    );
  }, []);

  useEffect(check, [check]);
  useEffect(() => onSignedOut(() => setSession({ status: 'signedOut' })), []);

  const end = useCallback(async () => {
    await signOut();
    setSession({ status: 'signedOut' });
  }, []);

  return { session, check, signOut: end };
}
