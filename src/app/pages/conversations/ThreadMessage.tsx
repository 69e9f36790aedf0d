import { CHANNELS, CHANNEL_INFO } from '../../../template/channel';
import type { ThreadItem } from '../../api/types';
import { Badge } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { describeSender } from './describe-thread';
import { LinkifiedText } from './LinkifiedText';
import { ThreadEmail } from './ThreadEmail';

function StatusBadge({ item }: { item: ThreadItem }) {
  if (item.kind !== 'outbound' || item.status === 'sent') return null;
  if (item.status === 'failed') return <Badge tone="bad">Failed</Badge>;
  if (item.status === 'skipped') return <Badge tone="warn">Not sent</Badge>;
  return <Badge>Sending…</Badge>;
}

/** An email or SMS: ours on the right, the contact's replies on the left. */
export function ThreadMessage({ item }: { item: ThreadItem }) {
  const outbound = item.kind === 'outbound';
  // A message always has its channel (only events have none).
  const on = item.channel ?? CHANNELS[0];
  const channel = CHANNEL_INFO[on].label;
  return (
    <li className={`thread-message thread-message--${outbound ? 'out' : 'in'}`} aria-label={`${outbound ? 'Sent' : 'Received'} ${channel.toLowerCase()}`}>
      <div className={`thread-bubble thread-bubble--${on}`}>
        {/* An email has its HTML view; every other channel is its text. */}
        {on === 'email' ? (
          <ThreadEmail item={item} />
        ) : (
          <p className="thread-sms-text">{item.text ? <LinkifiedText text={item.text} /> : <span className="muted">Not delivered yet</span>}</p>
        )}
        {item.reason && item.status !== 'sent' && <p className="thread-reason small">{item.reason}</p>}
      </div>
      <p className="thread-meta small">
        <span>{channel}</span>
        <span>{outbound ? describeSender(item.sentBy) : `From ${item.sentBy ?? 'the contact'}`}</span>
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        <StatusBadge item={item} />
      </p>
    </li>
  );
}
