import { CHANNELS, CHANNEL_INFO } from '../../../template/channel';
import type { Template } from '../../api/types';
import type { WorkflowAction } from '../../api/workflows';

type SendAction = Exclude<WorkflowAction, { type: 'wait' }>;

/** The step that sends this template: its channel's action (`send_email`, `send_sms`). */
export function sendActionOf(template: Pick<Template, 'id' | 'channel'>): SendAction {
  return { type: `send_${template.channel}`, templateId: template.id };
}

export const WAIT_UNITS = ['minutes', 'hours', 'days'] as const;
export type WaitUnit = (typeof WAIT_UNITS)[number];

export function waitOf(action: Extract<WorkflowAction, { type: 'wait' }>): { amount: number; unit: WaitUnit | 'seconds' } {
  for (const unit of ['days', 'hours', 'minutes', 'seconds'] as const) {
    const amount = action[unit];
    if (amount !== undefined) return { amount, unit };
  }
  return { amount: 0, unit: 'minutes' };
}

export function describeAction(action: WorkflowAction, templates: Template[]): string {
  if (action.type === 'wait') {
    const { amount, unit } = waitOf(action);
    return `Wait ${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
  }
  const name = templates.find((template) => template.id === action.templateId)?.name ?? 'a deleted template';
  const channel = CHANNELS.find((on) => action.type === `send_${on}`)!;
  return `Send ${CHANNEL_INFO[channel].noun} “${name}”`;
}
