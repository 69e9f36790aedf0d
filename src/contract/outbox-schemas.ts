/** What the embedded transport "sent", as the Outbox page reads it. */
import { z } from 'zod';
import { channelField } from './template-schemas.ts';

export const outboxMessageResponse = z.object({
  id: z.uuid(),
  channel: channelField,
  recipient: z.string(),
  contactId: z.uuid().nullable(),
  subject: z.string().nullable(),
  html: z.string().nullable(),
  text: z.string(),
  raw: z.string().nullable().describe('null when a token in it had to be masked for this reader'),
  masked: z.number().int().describe('how many magic-link tokens were masked for this reader'),
  createdAt: z.date(),
});

export const outboxResponse = z.object({ messages: z.array(outboxMessageResponse) });
