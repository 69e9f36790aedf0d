import type { ThreadItem } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { describeEvent } from './describe-thread';

/** Access changes and link outcomes: a small centered line between the messages. */
export function ThreadEvent({ item }: { item: ThreadItem }) {
  return (
    <li className="thread-event">
      <span>
        {describeEvent(item)} · <time dateTime={item.at}>{formatDateTime(item.at)}</time>
      </span>
    </li>
  );
}
