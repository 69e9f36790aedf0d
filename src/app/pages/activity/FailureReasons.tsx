import type { FailureReason } from '../../api/activity';

export function FailureReasons({ reasons }: { reasons: FailureReason[] }) {
  return (
    <section className="card" aria-labelledby="failures-heading">
      <h2 id="failures-heading">Why links failed</h2>
      {reasons.length === 0 ? (
        <p className="muted">No failed logins in this period.</p>
      ) : (
        <ol className="row-list" aria-label="Top failure reasons">
          {reasons.map((reason) => (
            <li key={reason.outcome} className="failure">
              <div className="failure-head">
                <strong>{reason.label}</strong>
                <span className="badge badge--bad">{reason.count}</span>
              </div>
              <p className="muted small">
                <strong>Fix: </strong>
                {reason.fix}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
