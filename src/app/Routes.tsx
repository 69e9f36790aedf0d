import { lazy, Suspense, type ReactNode } from 'react';
import { matchPath, useLocation } from './router/history';
import { Link } from './router/Link';
import { EmptyState, Loading } from './ui/States';
import { SiteDetailsPage } from './pages/site/SiteDetailsPage';
import { OffersPage } from './pages/offers/OffersPage';
import { ContactsPage } from './pages/contacts/ContactsPage';
import { ContactPage } from './pages/contacts/ContactPage';
import { TemplatesPage } from './pages/templates/TemplatesPage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { ActivityPage } from './pages/activity/ActivityPage';
import { WorkflowsPage } from './pages/workflows/WorkflowsPage';
import { ConversationsPage } from './pages/conversations/ConversationsPage';
import { StaffPage } from './pages/staff/StaffPage';
import { ApiKeysPage } from './pages/staff/ApiKeysPage';

// The composer (Tiptap, ProseMirror) is most of the bundle: it loads when a template is opened.
const TemplateEditorPage = lazy(() => import('./pages/templates/TemplateEditorPage').then((module) => ({ default: module.TemplateEditorPage })));

type Params = Record<string, string>;
const ROUTES: [string, (params: Params) => ReactNode][] = [
  ['/site', () => <SiteDetailsPage />],
  ['/offers', () => <OffersPage />],
  ['/contacts', () => <ContactsPage />],
  ['/contacts/:contactId', ({ contactId }) => <ContactPage key={contactId} contactId={contactId} />],
  ['/templates', () => <TemplatesPage />],
  ['/templates/new', () => <TemplateEditorPage key="new" templateId={null} />],
  ['/templates/:templateId', ({ templateId }) => <TemplateEditorPage key={templateId} templateId={templateId} />],
  ['/workflows', () => <WorkflowsPage />],
  ['/conversations', () => <ConversationsPage contactId={null} />],
  ['/conversations/:contactId', ({ contactId }) => <ConversationsPage contactId={contactId} />],
  ['/outbox', () => <OutboxPage />],
  ['/activity', () => <ActivityPage />],
  ['/staff', () => <StaffPage />],
  ['/api-keys', () => <ApiKeysPage />],
];

export function Routes() {
  const { pathname } = useLocation();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, pathname);
    if (params) return <Suspense fallback={<Loading label="Loading the editor…" />}>{render(params)}</Suspense>;
  }
  if (pathname === '/' || pathname === '/login') return null;
  return (
    <EmptyState title="Page not found" action={<Link to="/site">Go to Site details</Link>}>
      There is nothing at {pathname}.
    </EmptyState>
  );
}
