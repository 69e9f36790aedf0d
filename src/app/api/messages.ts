import type { ApiRequest, ApiResponse } from '../../contract/wire';
import type { draftResponse, findDraftResponse } from '../../contract/template-draft-schemas';
import type { messageLinkPolicyField } from '../../contract/site-schemas';
import { apiRequest } from './client';
import type {
  Channel,
  MessageCounts,
  MessageDetail,
  MessageStatus,
  MessageSummary,
  OutboxMessage,
  PreviewResult,
  Recipients,
  SendEstimate,
  Template,
  TemplateSendsPage,
  TestSendResult,
} from './types';

const base = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}`;

export const listTemplates = async (siteId: string, query: { search?: string } = {}) =>
  (await apiRequest<{ templates: Template[] }>('GET', `${base(siteId)}/templates`, { query: { ...query } })).templates;
export const duplicateTemplate = (siteId: string, templateId: string) => apiRequest<Template>('POST', `${base(siteId)}/templates/${templateId}/duplicate`);
/** 409 `template_in_use` (naming the workflows that send it) while a workflow sends it. */
export const deleteTemplate = (siteId: string, templateId: string) => apiRequest<void>('DELETE', `${base(siteId)}/templates/${templateId}`);
export const getTemplate = (siteId: string, templateId: string) => apiRequest<Template>('GET', `${base(siteId)}/templates/${templateId}`);
export const createTemplate = (siteId: string, input: { name: string; channel: Channel; content: unknown }) =>
  apiRequest<Template>('POST', `${base(siteId)}/templates`, { body: input });
export const updateTemplate = (siteId: string, templateId: string, input: { name: string; content: unknown }) =>
  apiRequest<Template>('PATCH', `${base(siteId)}/templates/${templateId}`, { body: input });

/** `contactId` null renders with the catalog's sample values. */
export const previewMessage = (siteId: string, input: { document: unknown; channel: Channel; contactId: string | null }) =>
  apiRequest<PreviewResult>('POST', `${base(siteId)}/preview`, { body: input });

/** A send's own learner-link lifetime, use limit and link form (short links: default on for SMS, off for email); what it leaves out is the site's (or the channel's). */
export type MessageLinkPolicy = ApiRequest<typeof messageLinkPolicyField>;

export const sendMessage = (siteId: string, input: SendInput) =>
  apiRequest<MessageSummary>('POST', `${base(siteId)}/messages`, { body: input });
export type SendInput = { templateId: string; channel: Channel; recipients: Recipients; linkPolicy?: MessageLinkPolicy };
/** What the send would do now: recipients, and who would be skipped, by reason. */
export const estimateSend = (siteId: string, input: SendInput) => apiRequest<SendEstimate>('POST', `${base(siteId)}/messages/estimate`, { body: input });
/** Emails the signed-in staff member the template resolved for `contactId` (null: sample values), with preview links only. */
export const sendTestToMe = (siteId: string, input: { templateId: string; contactId: string | null }) =>
  apiRequest<TestSendResult>('POST', `${base(siteId)}/messages/test`, { body: input });
/** `status` narrows the recipients listed (skipped, failed…); the page is `limit` from `offset`. */
export const getMessage = (siteId: string, messageId: string, query: { status?: MessageDetail['recipients'][number]['status']; limit?: number; offset?: number } = {}) =>
  apiRequest<MessageDetail>('GET', `${base(siteId)}/messages/${messageId}`, { query: { ...query } });
/** A template's sends, newest first. */
export const listTemplateSends = (siteId: string, templateId: string, page: { limit?: number; offset?: number } = {}) =>
  apiRequest<TemplateSendsPage>('GET', `${base(siteId)}/templates/${templateId}/sends`, { query: { ...page } });
/** The SSE stream of a send's progress: `progress` events, then `done`. */
export const messageEventsUrl = (siteId: string, messageId: string) => `${base(siteId)}/messages/${messageId}/events`;
export interface ProgressEvent {
  status: MessageStatus;
  counts: MessageCounts;
}

export const listOutbox = async (siteId: string, contactId?: string) =>
  (await apiRequest<{ messages: OutboxMessage[] }>('GET', `${base(siteId)}/outbox`, { query: { contactId, limit: 100 } })).messages;

/** The signed-in staff member's autosaved work on a template (server/templates/template-draft-schemas.ts). */
export type TemplateDraft = ApiResponse<typeof draftResponse>;

/** A template's id, or `new-email` / `new-sms` before it is first saved. */
export const draftKeyOf = (templateId: string | null, channel: Channel) => templateId ?? `new-${channel}`;

const draftPath = (siteId: string, draftKey: string) => `${base(siteId)}/template-drafts/${encodeURIComponent(draftKey)}`;
export const getTemplateDraft = async (siteId: string, draftKey: string) =>
  (await apiRequest<ApiResponse<typeof findDraftResponse>>('GET', draftPath(siteId, draftKey))).draft;
export const putTemplateDraft = (siteId: string, draftKey: string, input: { name: string; channel: Channel; content: unknown }) =>
  apiRequest<TemplateDraft>('PUT', draftPath(siteId, draftKey), { body: input });
export const discardTemplateDraft = (siteId: string, draftKey: string) => apiRequest<void>('DELETE', draftPath(siteId, draftKey));
