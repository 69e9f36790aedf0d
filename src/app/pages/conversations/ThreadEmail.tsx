import { useEffect, useRef, useState } from 'react';
import type { ThreadItem } from '../../api/types';
import { EmailFrame } from '../outbox/EmailFrame';
import { snippetOf } from './describe-thread';

/** An email in the thread: subject and a line of text; "View as received" opens the HTML in a sandboxed frame. */
export function ThreadEmail({ item }: { item: ThreadItem }) {
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) frame.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const subject = item.subject || '(no subject)';
  const snippet = snippetOf(item.text);
  return (
    <div className="thread-email">
      <p className="thread-email-subject">{subject}</p>
      {snippet && <p className="thread-email-snippet small">{snippet}</p>}
      {item.html && (
        <button type="button" className="button button--small" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? 'Hide email' : 'View as received'}
        </button>
      )}
      {open && item.html && (
        <div ref={frame}>
          <EmailFrame html={item.html} title={`Email: ${subject}`} />
        </div>
      )}
    </div>
  );
}
