import { CHANNEL_INFO } from '../../../template/channel';
import type { MessageAnalytics } from '../../api/activity';
import { formatDateTime, formatElapsed } from '../../ui/format';

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** Where a link leads, as the contact's link table writes it. */
const linkPath = (destination: string) => (destination ? `/${destination}` : '/ (home)');

/** Per message: who got it, who logged in through which link and how soon, and what was refused. */
export function MessagesTable({ messages }: { messages: MessageAnalytics[] }) {
  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      {messages.length === 0 ? (
        <p className="muted">No messages sent yet.</p>
      ) : (
        <table className="table table--stack table--compact">
          <caption className="visually-hidden">What each message achieved</caption>
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Delivered</th>
              <th scope="col">Logged in</th>
              <th scope="col">First login after</th>
              <th scope="col">Logins by link</th>
              <th scope="col">Refused</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td data-label="Message">
                  <span>
                    <strong>{message.title}</strong>
                    <span className="muted small">
                      {' '}
                      · {CHANNEL_INFO[message.channel].label} · {formatDateTime(message.sentAt)}
                    </span>
                  </span>
                </td>
                <td data-label="Delivered">
                  <span>
                    {message.delivered} of {message.recipients}
                    {message.skipped + message.failed > 0 && (
                      <span className="muted small"> ({[message.skipped && `${message.skipped} skipped`, message.failed && `${message.failed} failed`].filter(Boolean).join(', ')})</span>
                    )}
                  </span>
                </td>
                <td data-label="Logged in">
                  <span>
                    {message.membersLoggedIn} <span className="muted small">({percent(message.membersLoggedIn, message.delivered)})</span>
                  </span>
                </td>
                <td data-label="First login after">
                  <span>
                    {message.firstLoginSeconds
                      ? `${formatElapsed(message.firstLoginSeconds.median)} median · ${formatElapsed(message.firstLoginSeconds.p90)} p90`
                      : '—'}
                  </span>
                </td>
                <td data-label="Logins by link">
                  {message.byLink.length === 0 ? (
                    <span>—</span>
                  ) : (
                    <ul className="plain-list" aria-label={`Logins by link for ${message.title}`}>
                      {message.byLink.map((link) => (
                        <li key={link.destination}>
                          <code>{linkPath(link.destination)}</code> {link.logins}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label="Refused">
                  {message.failures.length === 0 ? (
                    <span>—</span>
                  ) : (
                    <ul className="plain-list" aria-label={`Refused logins for ${message.title}`}>
                      {message.failures.map((failure) => (
                        <li key={failure.outcome}>
                          {failure.label} <span className="badge badge--bad">{failure.count}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
