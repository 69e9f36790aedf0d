import type { Contact } from '../../api/types';
import { Link } from '../../router/Link';
import { Badge } from '../../ui/Badge';
import { contactName } from '../../ui/format';

/** Contacts as a table on wide screens; each row stacks into a card on phones (CSS). */
export function ContactTable({ contacts, busy }: { contacts: Contact[]; busy: boolean }) {
  return (
    <table className="table table--stack" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Phone</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((contact) => (
          <tr key={contact.id}>
            <td data-label="Name">
              <Link to={`/contacts/${contact.id}`} className="strong-link">
                {contactName(contact)}
              </Link>
            </td>
            <td data-label="Email">
              <span className="break-all">{contact.email ?? '—'}</span>
            </td>
            <td data-label="Phone">
              <span>{contact.phone ?? '—'}</span>
            </td>
            <td data-label="Status">{contact.unsubscribed ? <Badge tone="warn">Unsubscribed</Badge> : <Badge tone="good">Subscribed</Badge>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
