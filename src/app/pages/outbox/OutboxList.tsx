import type { OutboxMessage } from '../../api/types';
import { ChannelBadge } from '../../ui/ChannelBadge';
import { formatDateTime } from '../../ui/format';

interface OutboxListProps {
  messages: OutboxMessage[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Newest first; the selected message is pressed. */
export function OutboxList({ messages, selectedId, onSelect }: OutboxListProps) {
  return (
    <ul className="outbox-list" aria-label="Delivered messages">
      {messages.map((message) => (
        <li key={message.id}>
          <button
            type="button"
            className="outbox-item"
            aria-pressed={message.id === selectedId}
            onClick={() => onSelect(message.id)}
          >
            <span className="outbox-item-top">
              <ChannelBadge channel={message.channel} />
              <span className="muted small">{formatDateTime(message.createdAt)}</span>
            </span>
            <span className="outbox-item-to break-all">{message.recipient}</span>
            <span className="outbox-item-subject">{message.subject ?? message.text.slice(0, 80)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
