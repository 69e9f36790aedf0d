import { useState } from 'react';
import type { Offer, Template } from '../../api/types';
import type { Workflow } from '../../api/workflows';
import { Badge } from '../../ui/Badge';
import { describeAction } from './describe-action';
import { WorkflowRuns } from './WorkflowRuns';

interface WorkflowCardProps {
  siteId: string;
  workflow: Workflow;
  offers: Offer[];
  templates: Template[];
  /** Absent for roles that may not change workflows: the card is read-only. */
  onEdit?: () => void;
  onToggle?: () => void;
}

export function WorkflowCard({ siteId, workflow, offers, templates, onEdit, onToggle }: WorkflowCardProps) {
  const [showRuns, setShowRuns] = useState(false);
  const offerNames = workflow.trigger.offerIds.map((id) => offers.find((offer) => offer.id === id)?.title ?? 'a deleted offer');
  return (
    <article className="card" aria-labelledby={`workflow-${workflow.id}`}>
      <div className="card-header">
        <h2 id={`workflow-${workflow.id}`} className="h3">
          {workflow.name} {workflow.enabled ? <Badge tone="good">On</Badge> : <Badge>Off</Badge>}
        </h2>
        {onEdit && onToggle && (
          <div className="page-actions">
            <button type="button" className="button button--small" onClick={onToggle} aria-label={`${workflow.enabled ? 'Disable' : 'Enable'} ${workflow.name}`}>
              {workflow.enabled ? 'Disable' : 'Enable'}
            </button>
            <button type="button" className="button button--small" onClick={onEdit} aria-label={`Edit ${workflow.name}`}>
              Edit
            </button>
          </div>
        )}
      </div>
      <ol className="steps">
        <li className="step step--trigger">When a contact is granted {offerNames.length ? offerNames.map((name) => `“${name}”`).join(' or ') : 'any offer'}</li>
        {workflow.actions.map((action, index) => (
          <li key={index} className="step">
            {describeAction(action, templates)}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small button--ghost" aria-expanded={showRuns} onClick={() => setShowRuns((open) => !open)}>
        {showRuns ? 'Hide run history' : 'Show run history'}
      </button>
      {showRuns && <WorkflowRuns siteId={siteId} workflowId={workflow.id} />}
    </article>
  );
}
