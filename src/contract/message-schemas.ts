import { z } from 'zod';
import { channelField, contentField } from './template-schemas.ts';
import { messageLinkPolicyField } from './site-schemas.ts';

export const audienceField = z
  .union([
    z.strictObject({ contactIds: z.array(z.uuid()).min(1, 'must name at least one contact').max(10_000) }),
    z.strictObject({ offerId: z.uuid() }),
    z.strictObject({ all: z.literal(true) }),
  ])
  .describe('{ contactIds } | { offerId } (its active holders) | { all: true } (every contact of the site)');

export const createMessageBody = z
  .object({
    templateId: z.uuid().optional(),
    document: contentField.optional(),
    channel: channelField,
    recipients: audienceField,
    linkPolicy: messageLinkPolicyField.optional(),
  })
  .refine((b) => (b.document === undefined) !== (b.templateId === undefined), {
    message: 'give either a document or a templateId',
    path: ['document'],
  });

export const messageParams = z.object({ siteId: z.string(), messageId: z.uuid() });

export const recipientStatusField = z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']);

export const messageQuery = z.object({
  status: recipientStatusField.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const countsResponse = z.object({
  total: z.number(),
  queued: z.number().describe('Waiting, including transient failures that will be retried.'),
  sending: z.number(),
  sent: z.number(),
  failed: z.number(),
  skipped: z.number(),
});

export const messageStatusField = z.enum(['queued', 'sending', 'completed']);

export const messageResponse = z.object({
  id: z.uuid(),
  channel: channelField,
  templateId: z.uuid().nullable(),
  templateVersion: z.number().nullable(),
  status: messageStatusField,
  counts: countsResponse,
  linkPolicy: z
    .object({ lifetimeSeconds: z.number().optional(), maxUses: z.number().nullable().optional(), shortLinks: z.boolean().optional() })
    .nullable()
    .describe("This send's own learner-link policy; null = the site's."),
  createdAt: z.date(),
});

export const messageDetailResponse = messageResponse.extend({
  recipients: z.array(
    z.object({
      contactId: z.uuid(),
      contact: z
        .object({ firstName: z.string(), lastName: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
        .nullable()
        .describe('Who it is; null once the contact was deleted.'),
      status: recipientStatusField,
      reason: z.string().nullable().describe('Why it was skipped or failed (or the last transient error).'),
      attempts: z.number(),
      sentAt: z.date().nullable(),
    }),
  ),
  page: z.object({ limit: z.number(), offset: z.number(), total: z.number() }),
  outcomes: z
    .array(z.object({ status: z.enum(['skipped', 'failed']), reason: z.string(), count: z.number() }))
    .describe('Skipped and failed recipients grouped by reason, most first.'),
});

export const estimateResponse = z.object({
  recipients: z.number().describe('Contacts in the audience now.'),
  willSend: z.number(),
  skipped: z.number(),
  skippedBy: z.array(z.object({ reason: z.string(), count: z.number() })).describe('Most common reason first.'),
});

export const templateSendsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const sentByResponse = z.object({
  kind: z.enum(['staff', 'api-key', 'workflow', 'operator', 'other']),
  id: z.string().nullable(),
  name: z.string().nullable().describe('A staff member\'s name or email, an API key\'s name, a workflow\'s name; null when gone.'),
});

export const sendAudienceResponse = z.union([
  z.object({ kind: z.literal('contacts'), count: z.number() }),
  z.object({ kind: z.literal('offer'), offerId: z.uuid(), title: z.string().nullable() }),
  z.object({ kind: z.literal('all') }),
]);

export const templateSendsResponse = z.object({
  sends: z.array(messageResponse.extend({ sentBy: sentByResponse, audience: sendAudienceResponse })).describe('Newest first.'),
  page: z.object({ limit: z.number(), offset: z.number(), total: z.number() }),
});

export const testSendResponse = z.object({
  to: z.string().describe('The signed-in staff member\'s email address.'),
  subject: z.string(),
});
