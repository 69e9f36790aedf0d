/** Offers, what they unlock (courses, communities) and grants of them, as the API takes and answers them. */
import { z } from 'zod';

export const contentKindField = z.enum(['course', 'community']);

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string().max(5000, 'must be at most 5000 characters');

export const offerBody = z.strictObject({
  title,
  description: description.optional(),
  includesAffiliates: z.boolean().optional().describe('Holding the offer opens the affiliate portal.'),
  itemIds: z.array(z.uuid({ message: 'must be a course or community id' })).max(500).optional(),
});

const itemRef = z.object({ id: z.uuid(), title: z.string() });
export const offerResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  includesAffiliates: z.boolean(),
  courses: z.array(itemRef),
  communities: z.array(itemRef),
  createdAt: z.date(),
});
export const itemResponse = z.object({ id: z.uuid(), kind: contentKindField, title: z.string(), description: z.string() });
export const contentItemBody = z.strictObject({ kind: contentKindField, title, description: description.optional() });

export const grantResponse = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  offerId: z.uuid(),
  source: z.string(),
  grantedAt: z.date(),
  revokedAt: z.date().nullable(),
  created: z.boolean().describe('false when the contact already held the offer (nothing changed, no event).'),
});
