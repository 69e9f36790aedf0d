/**
 * What a workflow is, as the API accepts it: a trigger and ordered actions. The same schemas
 * validate requests, describe them in /api/openapi.json and type the stored JSON.
 */
import { z } from 'zod';
import { CHANNELS, CHANNEL_INFO, type Channel } from '../template/channel.ts';
import { messageLinkPolicyField } from './site-schemas.ts';

const MAX_WAIT_SECONDS = 365 * 24 * 3600;
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 24 * 3600 } as const;
type WaitUnit = keyof typeof UNIT_SECONDS;
const WAIT_UNITS = Object.keys(UNIT_SECONDS) as WaitUnit[];

export const triggerField = z
  .strictObject({
    type: z.literal('offer_access_granted'),
    offerIds: z
      .array(z.uuid({ message: 'must be an offer id (UUID)' }))
      .max(100)
      .default([])
      .describe('Run only for grants of these offers; empty = any offer.'),
  })
  .describe('Offer Access Granted: runs once per grant of a (chosen) offer to a contact.');

const templateId = z.uuid({ message: 'must be a template id (UUID)' });
const linkPolicy = messageLinkPolicyField.optional();

/** A channel's send action: `send_email`, `send_sms` (one per channel, with a template of that channel). */
export type SendActionType = `send_${Channel}`;
export const sendActionType = (channel: Channel): SendActionType => `send_${channel}`;

const sendAction = (channel: Channel) =>
  z
    .strictObject({ type: z.literal(sendActionType(channel)), templateId, linkPolicy })
    .describe(`Send the contact one ${CHANNEL_INFO[channel].noun} from a template of that channel.`);

const amount = z.number().int('must be a whole number').min(1, 'must be at least 1');
const wait = z
  .strictObject({
    type: z.literal('wait'),
    seconds: amount.optional(),
    minutes: amount.optional(),
    hours: amount.optional(),
    days: amount.optional(),
  })
  .superRefine((w, ctx) => {
    const given = WAIT_UNITS.filter((unit) => w[unit] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['seconds'], message: 'give exactly one of seconds, minutes, hours or days' });
    } else if (waitSeconds(w) > MAX_WAIT_SECONDS) {
      ctx.addIssue({ code: 'custom', path: [given[0]], message: 'must wait at most 365 days' });
    }
  })
  .describe('Wait before the next action (a delayed job: it survives restarts).');

type SendActionSchema = ReturnType<typeof sendAction>;
const sendActions = CHANNELS.map(sendAction) as [SendActionSchema, ...SendActionSchema[]];

export const actionField = z.discriminatedUnion('type', [...sendActions, wait]);
export const actionsField = z.array(actionField).min(1, 'add at least one action').max(50, 'at most 50 actions');

export type WorkflowTrigger = z.output<typeof triggerField>;
export type WorkflowAction = z.output<typeof actionField>;
export type WaitAction = Extract<WorkflowAction, { type: 'wait' }>;
export type SendAction = Exclude<WorkflowAction, WaitAction>;

export function waitSeconds(w: Partial<Record<WaitUnit, number>>): number {
  return WAIT_UNITS.reduce((total, unit) => total + (w[unit] ?? 0) * UNIT_SECONDS[unit], 0);
}

export const channelOfAction = (action: SendAction): Channel => CHANNELS.find((channel) => sendActionType(channel) === action.type)!;

const nameField = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const createWorkflowBody = z.strictObject({
  name: nameField,
  enabled: z.boolean().default(true),
  trigger: triggerField,
  actions: actionsField,
});

export const updateWorkflowBody = z.strictObject({
  name: nameField.optional(),
  enabled: z.boolean().optional(),
  trigger: triggerField.optional(),
  actions: actionsField.optional().describe('Runs already started keep the actions they started with.'),
});

export const workflowParams = z.object({ siteId: z.string(), workflowId: z.uuid({ message: 'must be a workflow id (UUID)' }) });

export const workflowResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: triggerField,
  actions: z.array(actionField),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const runStatusField = z.enum(['running', 'waiting', 'completed', 'failed', 'cancelled']);

export const runLogEntry = z.object({
  step: z.number(),
  type: z.enum(['send_email', 'send_sms', 'wait']),
  at: z.string().describe('When the step ran (ISO 8601).'),
  outcome: z.enum(['queued', 'waiting', 'failed', 'cancelled']),
  messageId: z.uuid().optional().describe('The message the step queued (GET /api/sites/:siteId/messages/:messageId).'),
  until: z.string().optional().describe('A wait: when the next step is due.'),
  reason: z.string().optional(),
});
export type RunLogEntry = z.output<typeof runLogEntry>;

export const runsQuery = z.object({
  contactId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const runResponse = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  contactId: z.uuid(),
  trigger: z.object({ type: z.literal('offer_access_granted'), grantId: z.uuid(), offerId: z.uuid(), source: z.string() }),
  status: runStatusField,
  currentStep: z.number(),
  nextStepAt: z.date().nullable(),
  steps: z.array(
    runLogEntry.extend({
      delivery: z
        .object({ status: z.string(), reason: z.string().nullable(), sentAt: z.date().nullable() })
        .optional()
        .describe("The message's outcome for the contact (queued, sending, sent, failed, skipped)."),
    }),
  ),
  createdAt: z.date(),
  updatedAt: z.date(),
});
