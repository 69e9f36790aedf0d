import { z } from 'zod';
import { channelField, contentField } from './template-schemas.ts';

export const draftParams = z.object({
  siteId: z.string(),
  draftKey: z
    .string()
    .regex(/^(new-email|new-sms|[0-9a-f-]{36})$/, 'must be a template id, new-email or new-sms')
    .describe('The template\'s id, or new-email / new-sms for a template not saved yet.'),
});

export const putDraftBody = z.object({
  // A draft may be half-written: an empty name is kept as it is and checked when the template is saved.
  name: z.string().max(200, 'must be at most 200 characters'),
  channel: channelField,
  content: contentField,
});

export const draftResponse = z.object({
  draftKey: z.string(),
  name: z.string(),
  channel: channelField,
  content: contentField,
  updatedAt: z.date(),
});

export const findDraftResponse = z.object({ draft: draftResponse.nullable() });
