import { listRuns } from '../../api/workflows';
import { useResource } from '../../hooks/use-resource';
import { Link } from '../../router/Link';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { formatDateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/States';

const TONES: Record<string, BadgeTone> = { completed: 'good', running: 'info', waiting: 'info', failed: 'bad', cancelled: 'neutral' };

export function WorkflowRuns({ siteId, workflowId }: { siteId: string; workflowId: string }) {
  const runs = useResource(() => listRuns(siteId, workflowId), [siteId, workflowId]);
  const { state } = runs;
  if (state.status === 'error') return <ErrorState message={state.error} onRetry={runs.reload} />;
  if (!state.data) return <Loading />;
  if (state.data.length === 0) return <p className="muted">No runs yet: it runs when a contact is granted the offer.</p>;
  return (
    <ul className="row-list" aria-label="Run history">
      {state.data.map((run) => (
        <li key={run.id} className="row-item">
          <span>
            <Badge tone={TONES[run.status] ?? 'neutral'}>{run.status}</Badge>{' '}
            <Link to={`/contacts/${run.contactId}`}>Contact</Link>{' '}
            <span className="muted small">
              started {formatDateTime(run.createdAt)} · step {Math.min(run.currentStep + 1, Math.max(run.steps.length, 1))}
              {run.nextStepAt && ` · next ${formatDateTime(run.nextStepAt)}`}
            </span>
          </span>
          <span className="muted small">
            {run.steps
              .map((step) => `${step.step + 1}: ${step.delivery?.status ?? step.outcome}${step.reason ? ` (${step.reason})` : ''}`)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
