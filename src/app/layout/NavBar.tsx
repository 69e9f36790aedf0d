import { Link } from '../router/Link';
import { useLocation } from '../router/history';

export const NAV_ITEMS = [
  { to: '/site', label: 'Site details' },
  { to: '/offers', label: 'Offers' },
  { to: '/contacts', label: 'Contacts' },
  { to: '/conversations', label: 'Conversations' },
  { to: '/templates', label: 'Templates' },
  { to: '/workflows', label: 'Workflows' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/activity', label: 'Activity' },
] as const;

/** The main navigation; the current section is marked for assistive technology too. */
export function NavBar() {
  const { pathname } = useLocation();
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => {
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
