/** What the admin API answers (see /api/openapi.json); dates arrive as ISO strings. */

export type IsoDate = string;

export interface LinkPolicy {
  learnerLinkTtlSeconds: number;
  userLinkTtlSeconds: number;
  maxUses: number | null;
}

export interface Site {
  id: string;
  title: string;
  subdomain: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  postalAddress: string | null;
  linkPolicy: LinkPolicy;
  detailsComplete: boolean;
  missingDetails: string[];
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export type SiteUpdate = Partial<Pick<Site, 'title' | 'subdomain' | 'supportEmail' | 'supportPhone' | 'postalAddress'>> & {
  linkPolicy?: Partial<LinkPolicy>;
};

export type LinkKind = 'learner' | 'user';

export interface LinkDescription {
  kind: LinkKind;
  destination: string;
  label: string;
  /** Paste into a template; resolved per recipient when sent. */
  customValue: string;
  /** What the link looks like once sent. */
  urlShape: string;
  /** The same URL without the token: asks for a manual login. */
  plainUrl: string;
}

export interface SiteMagicLinks {
  learnerLink: LinkDescription;
  userLink: LinkDescription;
  plainUrl: string;
  destinations: LinkDescription[];
}

export type ContentKind = 'course' | 'community';

export interface ContentItem {
  id: string;
  kind: ContentKind;
  title: string;
  description: string;
}

export interface OfferItem {
  id: string;
  title: string;
}

export interface Offer {
  id: string;
  title: string;
  description: string;
  includesAffiliates: boolean;
  courses: OfferItem[];
  communities: OfferItem[];
  createdAt: IsoDate;
}

export interface OfferInput {
  title: string;
  description: string;
  includesAffiliates: boolean;
  itemIds: string[];
}

export interface Contact {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  customFields: Record<string, string>;
  unsubscribed: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface AccessGrant {
  id: string;
  offerId: string;
  offerTitle: string;
  source: string;
  grantedAt: IsoDate;
  revokedAt: IsoDate | null;
}

export interface ContactWithAccess extends Contact {
  access: AccessGrant[];
}

export interface ContactInput {
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  unsubscribed?: boolean;
}

export interface ContactPage {
  contacts: Contact[];
  total: number;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  errors: { line: number; field: string; message: string }[];
}

export interface IssuedLink {
  jti: string;
  kind: LinkKind;
  subjectId: string;
  destination: string;
  issuedAt: IsoDate;
  expiresAt: IsoDate;
  maxUses: number | null;
  uses: number;
  revokedAt: IsoDate | null;
  /** As redemption would judge it now, "revoke all" included. */
  state: 'active' | 'revoked' | 'expired' | 'used_up';
  channel: string;
  sentBy: string;
  messageId: string | null;
}

export interface Redemption {
  jti: string | null;
  outcome: string;
  at: IsoDate;
}

export interface ContactLinks {
  links: IssuedLink[];
  redemptions: Redemption[];
}

export type InspectionVerdict =
  | 'works'
  | 'plain_url'
  | 'preview'
  | 'not_this_site'
  | 'tampered'
  | 'key_retired'
  | 'wrong_kind'
  | 'expired'
  | 'revoked'
  | 'used_up'
  | 'unknown_link'
  | 'no_access'
  | 'no_content';

export interface LinkInspection {
  verdict: InspectionVerdict;
  reason: string;
  fix: string;
  link?: {
    jti: string;
    kind: LinkKind;
    destination: string;
    issuedAt: IsoDate;
    expiresAt: IsoDate;
    uses: number;
    maxUses: number | null;
    revoked: boolean;
    channel: string;
    sentBy: string;
  };
  contact?: { id: string; name: string; email: string | null };
  access?: { offers: string[]; unlocksDestination: boolean };
}

import type { Channel } from '../../template/channel';

export type { Channel };

export interface Template {
  id: string;
  name: string;
  channel: Channel;
  content: unknown;
  version: number;
  linkKeys: string[];
  warnings: string[];
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface PreviewResult {
  channel: Channel;
  subject?: string;
  html?: string;
  text: string;
  segments?: { encoding: string; units: number; segments: number };
}

export type Recipients = { contactIds: string[] } | { offerId: string } | { all: true };

export interface MessageCounts {
  total: number;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
}

export type MessageStatus = 'queued' | 'sending' | 'completed';

export interface MessageSummary {
  id: string;
  channel: Channel;
  templateId: string | null;
  templateVersion: number | null;
  status: MessageStatus;
  counts: MessageCounts;
  createdAt: IsoDate;
}

export interface MessageRecipient {
  contactId: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';
  reason: string | null;
  attempts: number;
  sentAt: IsoDate | null;
}

export interface MessageDetail extends MessageSummary {
  recipients: MessageRecipient[];
  page: { limit: number; offset: number; total: number };
}

export interface OutboxMessage {
  id: string;
  channel: Channel;
  recipient: string;
  contactId: string | null;
  subject: string | null;
  html: string | null;
  text: string;
  raw: string | null;
  createdAt: IsoDate;
}

export interface ConversationSummary {
  contactId: string;
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  lastActivityAt: IsoDate;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  /** Pass as `before` for the next page; null on the last. */
  next: string | null;
}

export type ThreadItemKind = 'outbound' | 'inbound' | 'event';

export interface ThreadItem {
  id: string;
  kind: ThreadItemKind;
  at: IsoDate;
  channel: Channel | null;
  /** Events: offer.access_granted, offer.access_revoked, link.redeemed, link.expired, link.resent, link.no_access. */
  type: string | null;
  /** Outbound: queued, sending, sent, failed, skipped. */
  status: string | null;
  reason: string | null;
  sentBy: string | null;
  messageId: string | null;
  subject: string | null;
  /** As received: render only in a sandboxed frame. */
  html: string | null;
  text: string | null;
  details: Record<string, unknown> | null;
}

export interface ThreadPage {
  contactId: string;
  /** Oldest first. */
  items: ThreadItem[];
  page: { before: string | null; after: string | null };
}

export type StaffRole = 'owner' | 'admin' | 'agent';

export interface Me {
  kind: 'bootstrap' | 'api_key' | 'staff';
  siteId: string | null;
  staffId: string | null;
  role: StaffRole | 'operator';
  permissions: string[];
}

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  createdAt: IsoDate;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  role: StaffRole;
  createdAt: IsoDate;
  lastUsedAt: IsoDate | null;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  role: StaffRole;
  /** Shown once. */
  key: string;
}
