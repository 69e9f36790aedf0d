/**
 * Unsaved work must not vanish on a click: while a page holds a guard, navigate() and Back/Forward
 * (history.ts) ask before leaving and the browser asks before a reload or closing the tab (`beforeunload`).
 */
import { useEffect } from 'react';

const guards = new Set<() => string | null>();

/** True when the person may leave: no guard objects, or they confirmed. */
export function mayLeave(): boolean {
  for (const guard of guards) {
    const message = guard();
    if (message !== null && !window.confirm(message)) return false;
  }
  return true;
}

/** While `message` is not null, leaving the page asks for confirmation with it. */
export function useLeaveGuard(message: string | null): void {
  useEffect(() => {
    if (message === null) return;
    const guard = () => message;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    guards.add(guard);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      guards.delete(guard);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [message]);
}
