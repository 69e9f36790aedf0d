/**
 * A tiny history router: the current path as an external store, navigate() to push a path, and
 * matchPath() for patterns like `/contacts/:contactId`. The server answers every non-API path with
 * index.html, so deep links and reloads work.
 */
import { useSyncExternalStore } from 'react';
import { mayLeave } from './leave-guard';

const NAVIGATE_EVENT = 'memberlink:navigate';

export interface Location {
  pathname: string;
  search: string;
}

let current: Location = readLocation();

function readLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/**
 * Back/Forward: by the time popstate fires the browser has already moved to the other entry, so a
 * refused leave puts the page's own address back on top (the one listener, so the person is asked once).
 */
window.addEventListener('popstate', () => {
  if (!mayLeave()) {
    window.history.pushState(null, '', current.pathname + current.search);
    return;
  }
  announce();
});

function announce(): void {
  current = readLocation();
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => window.removeEventListener(NAVIGATE_EVENT, onChange);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (!mayLeave()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  announce();
  // A new page starts at the top, like a full navigation would.
  window.scrollTo(0, 0);
}

/** `/contacts/:contactId` against `/contacts/42` → `{ contactId: '42' }`; null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function searchParam(location: Location, name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/**
 * Corrects the address without showing another page (a new template, once saved, lives at its own
 * address); Back/Forward then know where the page really is.
 */
export function replaceAddress(to: string): void {
  window.history.replaceState(null, '', to);
  current = readLocation();
}
