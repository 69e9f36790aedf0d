import { useEffect } from 'react';
import { Shell } from './layout/Shell';
import { Routes } from './Routes';
import { navigate, useLocation } from './router/history';
import { SiteProvider } from './session/SiteContext';
import { PermissionsProvider } from './session/Permissions';
import { useSession } from './session/use-session';
import { SignInPage } from './pages/sign-in/SignInPage';
import { EmptyState, ErrorState, Loading } from './ui/States';

/** Session gate: the sign-in page when signed out, otherwise the app for the staff member's site. */
export function App() {
  const { session, check, signOut } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    if (session.status === 'signedOut' && pathname !== '/login') navigate('/login', { replace: true });
    if (session.status === 'signedIn' && (pathname === '/login' || pathname === '/')) navigate('/site', { replace: true });
  }, [session.status, pathname]);

  switch (session.status) {
    case 'checking':
      return (
        <div className="center-screen">
          <Loading label="Checking your session…" />
        </div>
      );
    case 'error':
      return (
        <div className="center-screen">
          <ErrorState message={session.message} onRetry={check} />
        </div>
      );
    case 'signedOut':
      return <SignInPage onSignedIn={check} />;
    case 'signedIn':
      if (session.sites.length === 0) {
        return (
          <div className="center-screen">
            <EmptyState title="No site yet">Your account has no site to manage. Ask an operator to create one.</EmptyState>
          </div>
        );
      }
      return (
        <SiteProvider sites={session.sites}>
          <PermissionsProvider>
            <Shell onSignOut={signOut}>
              <Routes />
            </Shell>
          </PermissionsProvider>
        </SiteProvider>
      );
  }
}
