import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ComposerState, ComposerStore } from './composer-store';

// One store per <Composer>: two composers on a page share nothing.
const ComposerStoreContext = createContext<ComposerStore | null>(null);

export function ComposerStoreProvider({ store, children }: { store: ComposerStore; children: ReactNode }) {
  return <ComposerStoreContext.Provider value={store}>{children}</ComposerStoreContext.Provider>;
}

export function useComposerStoreApi(): ComposerStore {
  const store = useContext(ComposerStoreContext);
  if (!store) throw new Error('Composer parts must be rendered inside <Composer>.');
  return store;
}

export function useComposerStore<T>(selector: (state: ComposerState) => T): T {
  return useStore(useComposerStoreApi(), selector);
}
