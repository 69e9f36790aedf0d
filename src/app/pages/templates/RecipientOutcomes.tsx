import { useState } from 'react';
import { getMessage } from '../../api/messages';
import type { MessageCounts } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { contactName } from '../../ui/format';

const PAGE = 20;

interface RecipientOutcomesProps {
  siteId: string;
  messageId: string;
  counts: MessageCounts;
}

/** Who was skipped and whose delivery failed, each with the reason, a page at a time. */
export function RecipientOutcomes({ siteId, messageId, counts }: RecipientOutcomesProps) {
  if (counts.skipped + counts.failed === 0) return null;
  return (
    <div className="send-outcomes">
      {counts.failed > 0 && <OutcomeList siteId={siteId} messageId={messageId} status="failed" count={counts.failed} />}
      {counts.skipped > 0 && <OutcomeList siteId={siteId} messageId={messageId} status="skipped" count={counts.skipped} />}
    </div>
  );
}

function OutcomeList({ siteId, messageId, status, count }: { siteId: string; messageId: string; status: 'skipped' | 'failed'; count: number }) {
  const [offset, setOffset] = useState(0);
  // Read again as the count grows, so the list follows a running send.
  const page = useResource(() => getMessage(siteId, messageId, { status, limit: PAGE, offset }), [siteId, messageId, status, offset, count]);
  const detail = page.state.data;
  const title = status === 'failed' ? 'Failed' : 'Skipped';

  return (
    <details className="send-outcome" open={status === 'failed'}>
      <summary>
        {title} ({count})
        {detail && detail.outcomes.filter((o) => o.status === status).length > 0 && (
          <span className="muted small">
            {' — '}
            {detail.outcomes
              .filter((o) => o.status === status)
              .map((o) => `${o.count} ${o.reason}`)
              .join(', ')}
          </span>
        )}
      </summary>
      {page.state.status === 'error' && <p className="form-error">{page.state.error}</p>}
      {detail && (
        <ul className="outcome-list" aria-label={`${title} recipients`}>
          {detail.recipients.map((row) => (
            <li key={row.contactId} className="outcome-item">
              <span className="outcome-who">{row.contact ? contactName(row.contact) : 'Deleted contact'}</span>
              <span className="muted small">{row.reason ?? 'no reason recorded'}</span>
            </li>
          ))}
        </ul>
      )}
      {detail && detail.page.total > PAGE && (
        <div className="pager small">
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE, detail.page.total)} of {detail.page.total}
          </span>
          <button type="button" className="button button--small" disabled={offset + PAGE >= detail.page.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </div>
      )}
    </details>
  );
}
