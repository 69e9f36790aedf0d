import { z } from 'zod';
import { emailField, phoneField } from './fields.ts';

const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const customFieldsField = z
  .record(z.string(), z.string().max(2000, 'must be at most 2000 characters'))
  .superRefine((fields, ctx) => {
    for (const key of Object.keys(fields)) {
      if (!CUSTOM_FIELD_KEY.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'custom field names are lower-case letters, digits and _ (starting with a letter), at most 40',
        });
      }
    }
  });

const nameField = z.string().trim().max(100, 'must be at most 100 characters');
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const contactFields = {
  email: z.preprocess(emptyToNull, emailField.nullable()),
  phone: z.preprocess(emptyToNull, phoneField.nullable()),
  firstName: nameField,
  lastName: nameField,
  customFields: customFieldsField,
};

const reachable = (c: { email?: string | null; phone?: string | null }) => Boolean(c.email || c.phone);
const needsAddress = { message: 'a contact needs an email or a phone number', path: ['email'] };

export const createContactBody = z
  .strictObject({
    email: contactFields.email.optional(),
    phone: contactFields.phone.optional(),
    firstName: contactFields.firstName.optional(),
    lastName: contactFields.lastName.optional(),
    customFields: contactFields.customFields.optional(),
  })
  .refine(reachable, needsAddress);

export const updateContactBody = z.strictObject({
  email: contactFields.email.optional(),
  phone: contactFields.phone.optional(),
  firstName: contactFields.firstName.optional(),
  lastName: contactFields.lastName.optional(),
  customFields: contactFields.customFields.optional(),
  unsubscribed: z.boolean().optional(),
});

export const contactParams = z.object({ siteId: z.string(), contactId: z.uuid({ message: 'must be a contact id (UUID)' }) });

export const listContactsQuery = z.object({
  search: z.string().trim().max(200).optional(),
  offerId: z.uuid().optional().describe('Only contacts holding this offer now.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const contactResponse = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  customFields: z.record(z.string(), z.string()),
  unsubscribed: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A grant as the contact's page lists it: which offer, from where, and whether it still holds. */
export const contactGrantResponse = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  offerTitle: z.string(),
  source: z.string(),
  grantedAt: z.date(),
  revokedAt: z.date().nullable(),
});

export const contactWithAccessResponse = contactResponse.extend({ access: z.array(contactGrantResponse) });

export const contactPageResponse = z.object({ contacts: z.array(contactResponse), total: z.number() });

export const importReportResponse = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  failed: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
});
