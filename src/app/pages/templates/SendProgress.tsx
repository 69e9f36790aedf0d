import type { MessageSummary } from '../../api/types';
import { Link } from '../../router/Link';
import { RecipientOutcomes } from './RecipientOutcomes';
import { useSendProgress } from './use-send-progress';

/** A live progress bar for one send, with its counts and who was skipped or failed (and why); when done, the way to the Outbox. */
export function SendProgress({ siteId, initial, label }: { siteId: string; initial: MessageSummary; label?: string }) {
  const { status, counts } = useSendProgress(siteId, initial);
  const done = counts.sent + counts.failed + counts.skipped;
  const percent = counts.total ? Math.round((done / counts.total) * 100) : status === 'completed' ? 100 : 0;

  return (
    <div className="send-progress" aria-label="Send progress">
      <div className="send-progress-head">
        <strong>
          {status === 'completed' ? 'Sent' : status === 'sending' ? 'Sending…' : 'Queued…'}
          {label && <span className="muted small"> · {label}</span>}
        </strong>
        <span className="muted small">
          {done} of {counts.total}
        </span>
      </div>
      <progress className="progress" max={100} value={percent} aria-label={`${percent}% sent`}>
        {percent}%
      </progress>
      <p className="small" role="status" aria-live="polite">
        {counts.sent} sent · {counts.skipped} skipped · {counts.failed} failed{counts.queued + counts.sending > 0 && ` · ${counts.queued + counts.sending} waiting`}
      </p>
      <RecipientOutcomes siteId={siteId} messageId={initial.id} counts={counts} />
      {status === 'completed' && counts.sent > 0 && (
        <p className="small">
          <Link to="/outbox">Open the Outbox</Link> to see what recipients got.
        </p>
      )}
    </div>
  );
}
