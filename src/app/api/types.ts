/**
 * What the admin API takes and answers, derived from the zod schemas the server validates with
 * (src/contract): a schema change that breaks the app fails `npm run typecheck`. Type-only imports,
 * so no schema (and no zod) reaches the app's bundle.
 */
import type { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../../contract/wire';
import type { contactPageResponse, contactResponse, contactWithAccessResponse, createContactBody, importReportResponse, updateContactBody } from '../../contract/contact-schemas';
import type { conversationsResponse, threadItemResponse, threadResponse } from '../../contract/conversation-schemas';
import type { contactLinksResponse, inspectionVerdictField, linkInspectionResponse, issuedLinkResponse, linkKindField } from '../../contract/link-schemas';
import type {
  audienceField,
  countsResponse,
  estimateResponse,
  messageDetailResponse,
  messageResponse,
  messageStatusField,
  templateSendsResponse,
  testSendResponse,
} from '../../contract/message-schemas';
import type { contentKindField, itemResponse, offerBody, offerResponse } from '../../contract/offer-schemas';
import type { outboxMessageResponse } from '../../contract/outbox-schemas';
import type { linkDescriptionResponse, siteMagicLinksResponse, siteResponse, updateSiteBody } from '../../contract/site-schemas';
import type { apiKeySummaryResponse, createdApiKeyResponse, meResponse, staffResponse } from '../../contract/staff-schemas';
import type { previewResponse, templateResponse } from '../../contract/template-schemas';
import type { Channel } from '../../template/channel';

export type { IsoDate } from '../../contract/wire';
export type { Channel };

export type Site = ApiResponse<typeof siteResponse>;
export type LinkPolicy = Site['linkPolicy'];
export type SiteUpdate = ApiRequest<typeof updateSiteBody>;

export type LinkKind = z.output<typeof linkKindField>;
export type LinkDescription = ApiResponse<typeof linkDescriptionResponse>;
export type SiteMagicLinks = ApiResponse<typeof siteMagicLinksResponse>;

export type ContentKind = z.output<typeof contentKindField>;
export type ContentItem = ApiResponse<typeof itemResponse>;
export type Offer = ApiResponse<typeof offerResponse>;
export type OfferItem = Offer['courses'][number];
export type OfferInput = ApiRequest<typeof offerBody>;

export type Contact = ApiResponse<typeof contactResponse>;
export type ContactWithAccess = ApiResponse<typeof contactWithAccessResponse>;
export type AccessGrant = ContactWithAccess['access'][number];
export type ContactInput = ApiRequest<typeof createContactBody> & ApiRequest<typeof updateContactBody>;
export type ContactPage = ApiResponse<typeof contactPageResponse>;
export type ImportReport = ApiResponse<typeof importReportResponse>;

export type IssuedLink = ApiResponse<typeof issuedLinkResponse>;
export type ContactLinks = ApiResponse<typeof contactLinksResponse>;
export type Redemption = ContactLinks['redemptions'][number];
export type InspectionVerdict = z.output<typeof inspectionVerdictField>;
export type LinkInspection = ApiResponse<typeof linkInspectionResponse>;

export type Template = ApiResponse<typeof templateResponse>;
export type PreviewResult = ApiResponse<typeof previewResponse>;

export type Recipients = ApiRequest<typeof audienceField>;
export type MessageCounts = ApiResponse<typeof countsResponse>;
export type MessageStatus = z.output<typeof messageStatusField>;
export type MessageSummary = ApiResponse<typeof messageResponse>;
export type MessageDetail = ApiResponse<typeof messageDetailResponse>;
export type MessageRecipient = MessageDetail['recipients'][number];
export type SendEstimate = ApiResponse<typeof estimateResponse>;
export type TemplateSendsPage = ApiResponse<typeof templateSendsResponse>;
export type TemplateSend = TemplateSendsPage['sends'][number];
export type TestSendResult = ApiResponse<typeof testSendResponse>;

export type OutboxMessage = ApiResponse<typeof outboxMessageResponse>;

export type ConversationPage = ApiResponse<typeof conversationsResponse>;
export type ConversationSummary = ConversationPage['conversations'][number];
export type ThreadItem = ApiResponse<typeof threadItemResponse>;
export type ThreadItemKind = ThreadItem['kind'];
export type ThreadPage = ApiResponse<typeof threadResponse>;

export type Me = ApiResponse<typeof meResponse>;
export type StaffMember = ApiResponse<typeof staffResponse>;
export type StaffRole = StaffMember['role'];
export type ApiKeySummary = ApiResponse<typeof apiKeySummaryResponse>;
export type CreatedApiKey = ApiResponse<typeof createdApiKeyResponse>;
