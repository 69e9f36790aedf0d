import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Site } from '../api/types';

interface SiteContextValue {
  site: Site;
  sites: Site[];
  /** After a save: the API's new view of the current site. */
  replaceSite: (site: Site) => void;
  chooseSite: (siteId: string) => void;
}

const SiteContext = createContext<SiteContextValue | null>(null);
const STORAGE_KEY = 'memberlink.siteId';

function remembered(sites: Site[]): string {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private modes); the first site will do.
  }
  return sites.find((site) => site.id === saved)?.id ?? sites[0].id;
}

/** The site every page works on: the one chosen last time, or the first the staff member may use. */
export function SiteProvider({ sites: initial, children }: { sites: Site[]; children: ReactNode }) {
  const [sites, setSites] = useState(initial);
  const [siteId, setSiteId] = useState(() => remembered(initial));

  const replaceSite = useCallback((updated: Site) => {
    setSites((previous) => previous.map((site) => (site.id === updated.id ? updated : site)));
  }, []);
  const chooseSite = useCallback((id: string) => {
    setSiteId(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Not remembered across reloads, but still chosen.
    }
  }, []);

  const site = sites.find((candidate) => candidate.id === siteId) ?? sites[0];
  const value = useMemo(() => ({ site, sites, replaceSite, chooseSite }), [site, sites, replaceSite, chooseSite]);
  return <SiteContext.Provider value={value}>{children}</SiteContext.Provider>;
}

export function useSite(): SiteContextValue {
  const value = useContext(SiteContext);
  if (!value) throw new Error('useSite must be used inside a SiteProvider');
  return value;
}
