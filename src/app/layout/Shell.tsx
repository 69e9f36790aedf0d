import type { ReactNode } from 'react';
import { useSite } from '../session/SiteContext';
import { NavBar } from './NavBar';
import { SiteSwitcher } from './SiteSwitcher';

/** Top bar (product, site, sign out), navigation, and the page. */
export function Shell({ onSignOut, children }: { onSignOut: () => void; children: ReactNode }) {
  const { site } = useSite();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>{' '}
            memberlink
          </span>
          <SiteSwitcher />
          <button type="button" className="button button--small button--ghost topbar-signout" onClick={onSignOut}>
            Sign out
          </button>
        </div>
        <NavBar />
      </header>
      <main id="main" className="main" tabIndex={-1} data-site={site.subdomain ?? site.id}>
        {children}
      </main>
    </div>
  );
}
