import { Link } from '../../router/Link';
import { contactName, formatDateTime } from '../../ui/format';

interface ConversationListItemProps {
  contactId: string;
  contact: { firstName: string; lastName: string; email: string | null; phone: string | null };
  lastActivityAt: string | null;
  selected: boolean;
}

/** One contact in the list: name, address, and when their thread last moved. */
export function ConversationListItem({ contactId, contact, lastActivityAt, selected }: ConversationListItemProps) {
  const name = contactName(contact);
  return (
    <li>
      <Link to={`/conversations/${contactId}`} className="conversation-item" aria-current={selected ? 'page' : undefined}>
        <span className="conversation-item-top">
          <strong className="conversation-item-name">{name}</strong>
          <span className="muted small conversation-item-time">{lastActivityAt ? formatDateTime(lastActivityAt) : 'No messages yet'}</span>
        </span>
        <span className="muted small break-all">{contact.email ?? contact.phone ?? 'No email or phone'}</span>
      </Link>
    </li>
  );
}
