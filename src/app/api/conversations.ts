import { apiRequest } from './client';
import type { Channel, ConversationPage, ThreadPage } from './types';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/conversations`;

export const listConversations = (siteId: string, before?: string) =>
  apiRequest<ConversationPage>('GET', base(siteId), { query: { before, limit: 50 } });
/** The latest page of a thread by default; `before` pages back. Items are oldest first. */
export const getThread = (siteId: string, contactId: string, query: { before?: string; limit?: number } = {}) =>
  apiRequest<ThreadPage>('GET', `${base(siteId)}/${encodeURIComponent(contactId)}`, { query: { ...query } });
export const sendInThread = (siteId: string, contactId: string, input: { channel: Channel; document: unknown }) =>
  apiRequest<{ messageId: string; status: string }>('POST', `${base(siteId)}/${encodeURIComponent(contactId)}/messages`, { body: input });
