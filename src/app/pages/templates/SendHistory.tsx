import { useId, useState } from 'react';
import { listTemplateSends } from '../../api/messages';
import type { TemplateSend } from '../../api/types';
import { useResource } from '../../hooks/use-resource';
import { formatDateTime } from '../../ui/format';
import { ErrorState } from '../../ui/States';
import { describeAudience, describeSender } from './describe-send';
import { SendProgress } from './SendProgress';

const PAGE = 10;

interface SendHistoryProps {
  siteId: string;
  templateId: string;
  /** Changes after a send from this page, so the history reads it. */
  refreshKey: number;
}

/** Every send of this template, newest first: when, by whom, to whom, and how it went; Details opens its progress. */
export function SendHistory({ siteId, templateId, refreshKey }: SendHistoryProps) {
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const history = useResource(() => listTemplateSends(siteId, templateId, { limit: PAGE, offset }), [siteId, templateId, offset, refreshKey]);
  const id = useId();
  const page = history.state.data;

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      {history.state.status === 'error' && <ErrorState message={history.state.error} onRetry={history.reload} />}
      {page && page.sends.length === 0 && <p className="muted">Not sent yet. Sends of this template are listed here.</p>}
      {page && page.sends.length > 0 && (
        <table className="table table--stack table--compact" aria-busy={history.state.status === 'loading'}>
          <caption className="visually-hidden">Sends of this template</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">To</th>
              <th scope="col">Sent</th>
              <th scope="col">Skipped</th>
              <th scope="col">Failed</th>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.sends.map((send) => (
              <HistoryRow key={send.id} send={send} open={open === send.id} onToggle={() => setOpen(open === send.id ? null : send.id)} siteId={siteId} />
            ))}
          </tbody>
        </table>
      )}
      {page && page.page.total > PAGE && (
        <div className="pager small">
          <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Newer
          </button>
          <span className="muted">
            {offset + 1}–{Math.min(offset + PAGE, page.page.total)} of {page.page.total}
          </span>
          <button type="button" className="button button--small" disabled={offset + PAGE >= page.page.total} onClick={() => setOffset(offset + PAGE)}>
            Older
          </button>
        </div>
      )}
    </section>
  );
}

function HistoryRow({ send, open, onToggle, siteId }: { send: TemplateSend; open: boolean; onToggle: () => void; siteId: string }) {
  return (
    <>
      <tr>
        <td data-label="When">
          <span>
            {formatDateTime(send.createdAt)}
            {send.status !== 'completed' && <span className="muted small"> · {send.status === 'sending' ? 'sending' : 'queued'}</span>}
          </span>
        </td>
        <td data-label="By">
          <span>{describeSender(send.sentBy)}</span>
        </td>
        <td data-label="To">
          <span>{describeAudience(send.audience)}</span>
        </td>
        <td data-label="Sent">
          <span>{send.counts.sent}</span>
        </td>
        <td data-label="Skipped">
          <span>{send.counts.skipped}</span>
        </td>
        <td data-label="Failed">
          <span>{send.counts.failed}</span>
        </td>
        <td data-label="">
          <button type="button" className="button button--small" aria-expanded={open} onClick={onToggle}>
            {open ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="history-detail">
          <td colSpan={7}>
            <SendProgress siteId={siteId} initial={send} />
          </td>
        </tr>
      )}
    </>
  );
}
