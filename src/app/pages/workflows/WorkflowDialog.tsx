import { useState } from 'react';
import type { Offer, Template } from '../../api/types';
import { createWorkflow, updateWorkflow, type Workflow, type WorkflowAction } from '../../api/workflows';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { ActionEditor } from './ActionEditor';
import { sendActionOf } from './describe-action';
import { DialogActions } from '../../ui/DialogActions';

const FIELDS = ['name', 'trigger.offerIds', 'actions'] as const;

interface WorkflowDialogProps {
  siteId: string;
  workflow: Workflow | null;
  offers: Offer[];
  templates: Template[];
  onClose: () => void;
  onSaved: (workflow: Workflow) => void;
}

/** Offer Access Granted (for chosen offers, or any) → an ordered list of sends and waits. */
export function WorkflowDialog({ siteId, workflow, offers, templates, onClose, onSaved }: WorkflowDialogProps) {
  const firstEmail = templates.find((template) => template.channel === 'email');
  const [name, setName] = useState(workflow?.name ?? 'Welcome new members');
  const [enabled, setEnabled] = useState(workflow?.enabled ?? true);
  const [offerIds, setOfferIds] = useState<string[]>(workflow?.trigger.offerIds ?? []);
  const [actions, setActions] = useState<WorkflowAction[]>(
    workflow?.actions ?? (firstEmail ? [sendActionOf(firstEmail)] : [{ type: 'wait', days: 1 }]),
  );
  const { errors, busy, onSubmit } = useFormSubmit(FIELDS);

  const toggleOffer = (id: string) => setOfferIds((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  const setAction = (index: number, action: WorkflowAction) => setActions((list) => list.map((a, i) => (i === index ? action : a)));
  const move = (index: number, by: -1 | 1) =>
    setActions((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  const submit = onSubmit(async () => {
    const input = { name, enabled, trigger: { type: 'offer_access_granted' as const, offerIds }, actions };
    onSaved(workflow ? await updateWorkflow(siteId, workflow.id, input) : await createWorkflow(siteId, input));
  });

  return (
    <Dialog title={workflow ? `Edit ${workflow.name}` : 'New workflow'} open onClose={onClose} size="large">
      <form onSubmit={submit} noValidate>
        <TextField label="Workflow name" value={name} onChange={setName} error={errors.fields.name} />
        <fieldset className="fieldset">
          <legend>When a contact is granted…</legend>
          <p className="field-hint">Choose offers, or none for any offer.</p>
          <div className="checklist">
            {offers.map((offer) => (
              <label key={offer.id} className="checkbox">
                <input type="checkbox" checked={offerIds.includes(offer.id)} onChange={() => toggleOffer(offer.id)} />
                {offer.title}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>…then</legend>
          <ol className="action-list">
            {actions.map((action, index) => (
              <li key={index}>
                <ActionEditor
                  index={index}
                  action={action}
                  templates={templates}
                  onChange={(next) => setAction(index, next)}
                  onRemove={actions.length > 1 ? () => setActions((list) => list.filter((_, i) => i !== index)) : undefined}
                  onMoveUp={index > 0 ? () => move(index, -1) : undefined}
                  onMoveDown={index < actions.length - 1 ? () => move(index, 1) : undefined}
                />
              </li>
            ))}
          </ol>
          <div className="page-actions">
            <button type="button" className="button button--small" onClick={() => setActions((list) => [...list, { type: 'wait', days: 1 }])}>
              Add a wait
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={templates.length === 0}
              onClick={() => setActions((list) => [...list, sendActionOf(templates[0])])}
            >
              Add a message
            </button>
          </div>
          {errors.fields.actions && <p className="field-error">{errors.fields.actions}</p>}
          {templates.length === 0 && <p className="field-hint">Create a template first to send it from a workflow.</p>}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Enabled (runs on every new grant)
        </label>
        <FormError message={errors.general} />
        <DialogActions onCancel={onClose} busy={busy} label={workflow ? 'Save workflow' : 'Create workflow'} />
      </form>
    </Dialog>
  );
}
