import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client';

export type Resource<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'error'; data?: T; error: string }
  | { status: 'ready'; data: T; error?: undefined };

export interface ResourceHandle<T> {
  state: Resource<T>;
  reload: () => void;
  /** Replace the data after a change the caller already knows (no extra request). */
  set: (data: T) => void;
}

/**
 * Loads something for a page: loading, error (with the message) and ready states, a reload, and
 * no state updates from a response that a newer load (or unmount) superseded.
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    loadRef.current().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', data: previous.data, error: messageOf(error) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, set };
}
