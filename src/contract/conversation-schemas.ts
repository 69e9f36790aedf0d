import { z } from 'zod';
import { contactParams } from './contact-schemas.ts';
import { channelField, contentField } from './template-schemas.ts';

export const threadParams = contactParams;

export const threadQuery = z
  .object({
    before: z.string().max(200).optional().describe('Older items: the `page.before` of the page shown.'),
    after: z.string().max(200).optional().describe('Newer items (polling): the `page.after` of the page shown.'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !(q.before && q.after), { message: 'give before or after, not both', path: ['after'] });

export const threadItemResponse = z.object({
  id: z.string(),
  kind: z.enum(['outbound', 'inbound', 'event']),
  at: z.date(),
  channel: channelField.nullable(),
  type: z
    .string()
    .nullable()
    .describe('Events: offer.access_granted, offer.access_revoked, link.redeemed, link.expired, link.resent, link.no_access.'),
  status: z.string().nullable().describe('Outbound: queued, sending, sent, failed, or skipped (with the reason) for a message to this contact alone.'),
  reason: z.string().nullable(),
  sentBy: z.string().nullable().describe('Outbound: staff:<id>, api-key:<id>, workflow:<id>, operator, system. Inbound: the sender.'),
  messageId: z.uuid().nullable(),
  subject: z.string().nullable(),
  html: z.string().nullable().describe('As received; render only in a sandboxed iframe.'),
  text: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const threadResponse = z.object({
  contactId: z.uuid(),
  items: z.array(threadItemResponse).describe('Oldest first (newest last).'),
  page: z.object({
    before: z.string().nullable().describe('Pass as `before` for older items; null at the start of the thread.'),
    after: z.string().nullable().describe('Pass as `after` to fetch what arrives later.'),
  }),
});

export const conversationsQuery = z.object({
  before: z.string().max(200).optional().describe('The `next` of the page shown.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationsResponse = z.object({
  conversations: z.array(
    z.object({
      contactId: z.uuid(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      firstName: z.string(),
      lastName: z.string(),
      lastActivityAt: z.date(),
    }),
  ),
  next: z.string().nullable().describe('Pass as `before` for the next page; null on the last.'),
});

export const sendInThreadBody = z.object({
  channel: channelField,
  document: contentField.describe('A composer document (email or SMS); magic links and merge fields resolve for this contact at send time.'),
});

export const sendInThreadResponse = z.object({
  messageId: z.uuid(),
  status: z.string().describe('queued: it appears in the thread as sent once delivered.'),
});
