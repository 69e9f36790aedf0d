import { z } from 'zod';
import { defineRoute, type AnyRouteDef } from '../http/route.ts';
import { siteIdParams } from '../../src/contract/site-schemas.ts';
import { listContactGrants } from './contact-grants.ts';
import {
  contactParams,
  contactPageResponse,
  contactResponse,
  contactWithAccessResponse,
  createContactBody,
  importReportResponse,
  listContactsQuery,
  updateContactBody,
} from '../../src/contract/contact-schemas.ts';
import {
  createContact,
  deleteContact,
  listContacts,
  presentContact,
  requireContact,
  updateContact,
} from './contact-service.ts';
import { importContactsCsv } from './contact-csv-import.ts';
import { ApiError } from '../http/api-error.ts';

export const contactRoutes: AnyRouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/contacts',
    summary: 'Create a contact (email unique per site; an email or a phone is required).',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.write',
    params: siteIdParams,
    body: createContactBody,
    response: contactResponse,
    status: 201,
    handler: async ({ ctx, site, body }) => presentContact(await createContact(ctx, site.id, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/contacts',
    summary: 'List contacts, optionally searching name, email or phone, or only holders of an offer.',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.read',
    params: siteIdParams,
    query: listContactsQuery,
    response: contactPageResponse,
    handler: async ({ ctx, site, query }) => {
      const { contacts, total } = await listContacts(ctx.db, site.id, query);
      return { contacts: contacts.map(presentContact), total };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sites/:siteId/contacts/:contactId',
    summary: 'A contact with its offers (active and revoked grants).',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.read',
    params: contactParams,
    response: contactWithAccessResponse,
    handler: async ({ ctx, site, params }) => {
      const contact = await requireContact(ctx.db, site.id, params.contactId);
      return { ...presentContact(contact), access: await listContactGrants(ctx.db, site.id, contact.id) };
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/sites/:siteId/contacts/:contactId',
    summary: 'Update a contact; custom fields merge (a field set to "" is removed).',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.write',
    params: contactParams,
    body: updateContactBody,
    response: contactResponse,
    handler: async ({ ctx, site, params, body }) => presentContact(await updateContact(ctx, site.id, params.contactId, body)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/sites/:siteId/contacts/:contactId',
    summary: 'Delete a contact with its grants.',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.write',
    params: contactParams,
    status: 204,
    handler: async ({ ctx, site, params }) => deleteContact(ctx, site.id, params.contactId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/sites/:siteId/contacts/import',
    summary:
      'Import contacts from CSV (text/csv body, header row with email and/or phone, first_name, last_name; other columns become custom fields). Valid rows are imported, invalid rows reported per line.',
    tag: 'Contacts',
    auth: 'site',
    permission: 'contacts.write',
    params: siteIdParams,
    consumes: ['text/csv'],
    response: importReportResponse,
    handler: async ({ ctx, site, raw }) => {
      if (typeof raw.body !== 'string') {
        throw new ApiError(415, 'unsupported_media_type', 'Send the file as the body with Content-Type: text/csv', 'body');
      }
      return importContactsCsv(ctx, site.id, raw.body);
    },
  }),
];
