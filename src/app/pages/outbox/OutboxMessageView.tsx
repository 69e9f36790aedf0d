import type { OutboxMessage } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { EmailFrame } from './EmailFrame';
import { SmsBubble } from './SmsBubble';

export function OutboxMessageView({ message }: { message: OutboxMessage }) {
  return (
    <article className="card outbox-view" aria-label="Message">
      <dl className="facts facts--inline">
        <dt>To</dt>
        <dd className="break-all">{message.recipient}</dd>
        {message.subject !== null && (
          <>
            <dt>Subject</dt>
            <dd>
              <strong>{message.subject}</strong>
            </dd>
          </>
        )}
        <dt>Delivered</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
      </dl>
      {message.channel === 'email' && message.html ? <EmailFrame html={message.html} title={`Email to ${message.recipient}`} /> : null}
      {message.channel === 'email' && !message.html && <pre className="plain-text">{message.text}</pre>}
      {/* Every channel but email is its text alone, shown as a phone shows it. */}
      {message.channel !== 'email' && <SmsBubble text={message.text} />}
      {message.channel === 'email' && message.html && (
        <details className="details">
          <summary>Plain-text version</summary>
          <pre className="plain-text">{message.text}</pre>
        </details>
      )}
    </article>
  );
}
