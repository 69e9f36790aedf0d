import type { ContactWithAccess } from '../../api/types';
import { Link } from '../../router/Link';
import { Badge } from '../../ui/Badge';
import { contactName } from '../../ui/format';

/** Who the thread is with, what they hold, and the way back to the list on phones. */
export function ThreadHeader({ contact }: { contact: ContactWithAccess }) {
  const active = contact.access.filter((grant) => grant.revokedAt === null);
  const name = contactName(contact);
  return (
    <header className="thread-header">
      <Link to="/conversations" className="thread-back">
        ← All conversations
      </Link>
      <div className="thread-header-row">
        <div className="thread-header-who">
          <h2>{name}</h2>
          <p className="muted small break-all">{[contact.email, contact.phone].filter(Boolean).join(' · ') || 'No email or phone'}</p>
        </div>
        <Link to={`/contacts/${contact.id}`} className="button button--small">
          Contact details
        </Link>
      </div>
      <ul className="chips" aria-label="Active offers">
        {active.length === 0 && (
          <li>
            <Badge tone="warn">No active offer</Badge>
          </li>
        )}
        {active.map((grant) => (
          <li key={grant.id}>
            <Badge tone="good">{grant.offerTitle}</Badge>
          </li>
        ))}
        {contact.unsubscribed && (
          <li>
            <Badge tone="bad">Unsubscribed</Badge>
          </li>
        )}
      </ul>
    </header>
  );
}
