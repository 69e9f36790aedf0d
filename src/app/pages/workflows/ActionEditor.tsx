import type { Template } from '../../api/types';
import type { WorkflowAction } from '../../api/workflows';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { CHANNEL_INFO } from '../../../template/channel';
import { sendActionOf, WAIT_UNITS, waitOf, type WaitUnit } from './describe-action';

interface ActionEditorProps {
  index: number;
  action: WorkflowAction;
  templates: Template[];
  onChange: (action: WorkflowAction) => void;
  onRemove?: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}

/** One step: send a template (its channel decides email or SMS) or wait an amount of time. */
export function ActionEditor({ index, action, templates, onChange, onRemove, onMoveUp, onMoveDown }: ActionEditorProps) {
  const step = `Step ${index + 1}`;
  const chooseKind = (kind: string) => {
    if (kind === 'wait') onChange({ type: 'wait', days: 1 });
    else if (templates[0]) onChange(sendActionOf(templates[0]));
  };

  return (
    <div className="action-row" role="group" aria-label={step}>
      <SelectField label={`${step}: action`} value={action.type === 'wait' ? 'wait' : 'send'} onChange={chooseKind}>
        <option value="send" disabled={templates.length === 0}>
          Send a template
        </option>
        <option value="wait">Wait</option>
      </SelectField>
      {action.type === 'wait' ? (
        <WaitFields action={action} onChange={onChange} step={step} />
      ) : (
        <SelectField
          label={`${step}: template`}
          value={action.templateId}
          onChange={(templateId) => {
            const template = templates.find((t) => t.id === templateId);
            if (template) onChange(sendActionOf(template));
          }}
        >
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name} ({CHANNEL_INFO[template.channel].noun})
            </option>
          ))}
        </SelectField>
      )}
      <div className="action-row-buttons">
        <button type="button" className="button button--small" onClick={onMoveUp} disabled={!onMoveUp} aria-label={`Move ${step.toLowerCase()} up`}>
          ↑
        </button>
        <button type="button" className="button button--small" onClick={onMoveDown} disabled={!onMoveDown} aria-label={`Move ${step.toLowerCase()} down`}>
          ↓
        </button>
        <button type="button" className="button button--small button--danger-outline" onClick={onRemove} disabled={!onRemove} aria-label={`Remove ${step.toLowerCase()}`}>
          Remove
        </button>
      </div>
    </div>
  );
}

function WaitFields({ action, onChange, step }: { action: Extract<WorkflowAction, { type: 'wait' }>; onChange: (action: WorkflowAction) => void; step: string }) {
  const { amount, unit } = waitOf(action);
  const shownUnit: WaitUnit = unit === 'seconds' ? 'minutes' : unit;
  const set = (nextAmount: number, nextUnit: WaitUnit) => onChange({ type: 'wait', [nextUnit]: nextAmount });
  return (
    <>
      <TextField label={`${step}: wait for`} type="number" min={1} value={String(amount)} onChange={(value) => set(Math.max(1, Math.round(Number(value) || 1)), shownUnit)} />
      <SelectField label={`${step}: unit`} value={shownUnit} onChange={(value) => set(amount, value as WaitUnit)}>
        {WAIT_UNITS.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    </>
  );
}
