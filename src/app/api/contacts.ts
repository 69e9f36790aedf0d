import { apiRequest } from './client';
import type { ContactInput, ContactLinks, ContactPage, ContactWithAccess, Contact, ImportReport, LinkInspection } from './types';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;
const one = (siteId: string, contactId: string) => `${base(siteId)}/contacts/${encodeURIComponent(contactId)}`;

export interface ContactQuery {
  search?: string;
  offerId?: string;
  limit?: number;
  offset?: number;
}

export const listContacts = (siteId: string, query: ContactQuery = {}, signal?: AbortSignal) =>
  apiRequest<ContactPage>('GET', `${base(siteId)}/contacts`, { query: { ...query }, signal });
export const getContact = (siteId: string, contactId: string) => apiRequest<ContactWithAccess>('GET', one(siteId, contactId));
export const createContact = (siteId: string, input: ContactInput) => apiRequest<Contact>('POST', `${base(siteId)}/contacts`, { body: input });
export const updateContact = (siteId: string, contactId: string, input: ContactInput) =>
  apiRequest<Contact>('PATCH', one(siteId, contactId), { body: input });
export const deleteContact = (siteId: string, contactId: string) => apiRequest<void>('DELETE', one(siteId, contactId));
export const importContacts = (siteId: string, csv: string) =>
  apiRequest<ImportReport>('POST', `${base(siteId)}/contacts/import`, { rawBody: { contentType: 'text/csv', text: csv } });

export const grantOffer = (siteId: string, contactId: string, offerId: string) =>
  apiRequest<{ created: boolean }>('POST', `${one(siteId, contactId)}/access`, { body: { offerId } });
export const revokeOffer = (siteId: string, contactId: string, offerId: string) =>
  apiRequest<void>('DELETE', `${one(siteId, contactId)}/access/${encodeURIComponent(offerId)}`);

export const listContactLinks = (siteId: string, contactId: string) => apiRequest<ContactLinks>('GET', `${one(siteId, contactId)}/links`);
export const revokeAllLinks = (siteId: string, contactId: string) =>
  apiRequest<{ revokedBefore: string }>('POST', `${one(siteId, contactId)}/links/revoke`);
export const inspectLink = (siteId: string, url: string) =>
  apiRequest<LinkInspection>('GET', `${base(siteId)}/links/inspect`, { query: { url } });
