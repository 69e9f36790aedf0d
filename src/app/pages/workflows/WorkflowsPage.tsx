import { useState } from 'react';
import { listTemplates } from '../../api/messages';
import { listOffers } from '../../api/offers';
import { listWorkflows, updateWorkflow, type Workflow } from '../../api/workflows';
import { messageOf } from '../../api/client';
import { useResource } from '../../hooks/use-resource';
import { useSite } from '../../session/SiteContext';
import { usePermissions } from '../../session/Permissions';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { WorkflowCard } from './WorkflowCard';
import { WorkflowDialog } from './WorkflowDialog';

/** Offer Access Granted → actions: build, enable or disable, and see each workflow's runs. */
export function WorkflowsPage() {
  const { site } = useSite();
  const data = useResource(async () => {
    const [workflows, offers, templates] = await Promise.all([listWorkflows(site.id), listOffers(site.id), listTemplates(site.id)]);
    return { workflows, offers, templates };
  }, [site.id]);
  const [editing, setEditing] = useState<Workflow | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { state } = data;

  const replace = (workflow: Workflow) => {
    if (!state.data) return;
    const exists = state.data.workflows.some((w) => w.id === workflow.id);
    data.set({ ...state.data, workflows: exists ? state.data.workflows.map((w) => (w.id === workflow.id ? workflow : w)) : [...state.data.workflows, workflow] });
  };
  const mayEdit = usePermissions().can('workflows.write');
  const toggle = async (workflow: Workflow) => {
    setError(null);
    try {
      replace(await updateWorkflow(site.id, workflow.id, { enabled: !workflow.enabled }));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <>
      <PageHeader
        title="Workflows"
        description="When a contact is granted an offer, send them messages: a welcome email with their magic link, a reminder a day later."
        actions={
          mayEdit && (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')} disabled={!state.data}>
              New workflow
            </button>
          )
        }
      />
      <FormError message={error} />
      {state.status === 'error' && <ErrorState message={state.error} onRetry={data.reload} />}
      {state.status === 'loading' && !state.data && <Loading />}
      {state.data &&
        (state.data.workflows.length === 0 ? (
          <EmptyState
            title="No workflows yet"
            action={
              mayEdit && (
                <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                  Create a workflow
                </button>
              )
            }
          >
            Send a welcome email with a magic link the moment someone gets access.
          </EmptyState>
        ) : (
          <ul className="stack plain-list" aria-label="Workflows">
            {state.data.workflows.map((workflow) => (
              <li key={workflow.id}>
                <WorkflowCard
                  siteId={site.id}
                  workflow={workflow}
                  offers={state.data!.offers}
                  templates={state.data!.templates}
                  onEdit={mayEdit ? () => setEditing(workflow) : undefined}
                  onToggle={mayEdit ? () => toggle(workflow) : undefined}
                />
              </li>
            ))}
          </ul>
        ))}
      {state.data && editing && (
        <WorkflowDialog
          siteId={site.id}
          workflow={editing === 'new' ? null : editing}
          offers={state.data.offers}
          templates={state.data.templates}
          onClose={() => setEditing(null)}
          onSaved={(workflow) => {
            replace(workflow);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
