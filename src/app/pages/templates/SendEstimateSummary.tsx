import { estimateSend, type SendInput } from '../../api/messages';
import { useResource } from '../../hooks/use-resource';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** In the send confirmation: how many contacts the audience holds now, and who would be skipped, by reason (the send's own rules). */
export function SendEstimateSummary({ siteId, input }: { siteId: string; input: SendInput }) {
  const estimate = useResource(() => estimateSend(siteId, input), [siteId, JSON.stringify(input)]);
  const data = estimate.state.data;
  if (estimate.state.status === 'error') return <p className="form-error">Could not count the recipients: {estimate.state.error}</p>;
  if (!data) return <p className="muted" role="status">Counting recipients…</p>;
  return (
    <div className="send-estimate" role="status" aria-label="Recipients">
      <p>
        <strong>{plural(data.recipients, 'recipient', 'recipients')}</strong>
        {data.skipped === 0
          ? data.recipients > 0
            ? ': everyone will receive it.'
            : '.'
          : `: ${data.willSend.toLocaleString()} will receive it, ${data.skipped.toLocaleString()} will be skipped.`}
      </p>
      {data.skippedBy.length > 0 && (
        <ul className="estimate-skips" aria-label="Skipped, by reason">
          {data.skippedBy.map(({ reason, count }) => (
            <li key={reason}>
              <strong>{count.toLocaleString()}</strong> {reason}
            </li>
          ))}
        </ul>
      )}
      {data.willSend === 0 && <p className="notice notice--warn">No one would receive this send.</p>}
    </div>
  );
}
