import { Link } from '../router/Link';
import { useLocation } from '../router/history';
import { usePermissions } from '../session/Permissions';
import type { Permission } from '../../contract/permissions.ts';

/** Each section with the permission that opens it (src/contract/permissions.ts). */
export const NAV_ITEMS: ReadonlyArray<{ to: string; label: string; permission: Permission }> = [
  { to: '/site', label: 'Site details', permission: 'site.read' },
  { to: '/offers', label: 'Offers', permission: 'offers.read' },
  { to: '/contacts', label: 'Contacts', permission: 'contacts.read' },
  { to: '/conversations', label: 'Conversations', permission: 'conversations.read' },
  { to: '/templates', label: 'Templates', permission: 'templates.read' },
  { to: '/workflows', label: 'Workflows', permission: 'workflows.read' },
  { to: '/outbox', label: 'Outbox', permission: 'outbox.read' },
  { to: '/activity', label: 'Activity', permission: 'links.read' },
  { to: '/staff', label: 'Staff', permission: 'staff.manage' },
  { to: '/api-keys', label: 'API keys', permission: 'apiKeys.manage' },
];

/** The main navigation; the current section is marked for assistive technology too. */
export function NavBar() {
  const { pathname } = useLocation();
  const { can } = usePermissions();
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.filter((item) => can(item.permission)).map((item) => {
          const current = pathname === item.to || pathname.startsWith(`${item.to}/`);
          return (
            <li key={item.to}>
              <Link to={item.to} className="nav-link" aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
