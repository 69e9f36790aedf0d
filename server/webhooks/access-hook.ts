/**
 * POST /hooks/:siteId/access — a payment or form system grants an offer: the contact is found by
 * email (created if new) and granted with source `webhook`, which triggers workflows like any grant.
 */
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { invalidField } from '../http/api-error.ts';
import { grantAccess } from '../offers/access-grants.ts';
import { findOffer } from '../offers/offer-service.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { emailField, phoneField } from '../../src/contract/fields.ts';
import { findOrCreateContact } from './contact-lookup.ts';
import { hookSiteOf } from './verified-hooks.ts';

const name = z.string().trim().max(100, 'must be at most 100 characters');

export const accessHookBody = z.object({
  email: emailField,
  firstName: name.optional(),
  lastName: name.optional(),
  phone: phoneField.optional(),
  offerId: z.uuid({ message: 'must be an offer id (UUID)' }),
});

export const accessHookRoute = defineRoute({
  method: 'POST',
  url: '/hooks/:siteId/access',
  summary:
    'Grant an offer from a payment or form system. Headers: X-Memberlink-Timestamp (unix seconds) and X-Memberlink-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the site\'s webhook secret> (POST /api/sites/:siteId/webhook-secret). Requests older than 5 minutes are refused. Creates the contact if new; granting an offer already held changes nothing.',
  tag: 'Webhooks',
  auth: 'public',
  permission: 'public',
  params: siteIdParams,
  body: accessHookBody,
  response: z.object({ contactId: z.uuid(), contactCreated: z.boolean(), grantId: z.uuid(), granted: z.boolean().describe('false: the contact already held the offer') }),
  handler: async ({ ctx, raw, body }) => {
    const site = hookSiteOf(raw);
    if (!(await findOffer(ctx.db, site.id, body.offerId))) throw invalidField('offerId', `no offer ${body.offerId} on this site`);
    const { contact, created } = await findOrCreateContact(ctx, site.id, body);
    const { grant, created: granted } = await grantAccess(ctx, site.id, contact.id, body.offerId, 'webhook');
    return { contactId: contact.id, contactCreated: created, grantId: grant.id, granted };
  },
});
