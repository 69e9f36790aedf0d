/**
 * The one pg-core schema, shared by both drivers (PGlite embedded and PostgreSQL).
 * Tenant-scoped: every row belongs to a site (site_id), and every query filters by it.
 * Only features PostgreSQL 15 has (PGlite is newer; production servers may not be).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHANNELS } from '../../src/template/channel.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const siteRef = () =>
  uuid('site_id')
    .notNull()
    .references(() => sites.id, { onDelete: 'cascade' });

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** A lower-cased DNS label; the member site lives at {subdomain}.{root domain}. */
    subdomain: text('subdomain'),
    supportEmail: text('support_email'),
    /** E.164, e.g. +15551234567. */
    supportPhone: text('support_phone'),
    /** Shown in email footers (anti-spam laws ask marketing email for one); optional. */
    postalAddress: text('postal_address'),
    learnerLinkTtlSeconds: integer('learner_link_ttl_seconds').notNull().default(7 * 24 * 3600),
    userLinkTtlSeconds: integer('user_link_ttl_seconds').notNull().default(15 * 60),
    /** null = unlimited (one link works on several devices); 1 = single use. */
    linkMaxUses: integer('link_max_uses'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sites_subdomain_key').on(t.subdomain)],
);

/** HMAC signing keys; several kept for rotation, exactly one active per site. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    kid: text('kid').primaryKey(),
    siteId: siteRef(),
    algorithm: text('algorithm').notNull().default('HS256'),
    /** base64url key material, sealed with the server's master key (see server/links/key-seal.ts). */
    secret: text('secret').notNull(),
    status: text('status', { enum: ['active', 'verify', 'retired'] }).notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('signing_keys_site_idx').on(t.siteId),
    uniqueIndex('signing_keys_one_active').on(t.siteId).where(sql`status = 'active'`),
  ],
);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: text('role', { enum: ['owner', 'admin', 'agent'] }).notNull(),
    /** Links issued before this instant no longer log this user in. */
    linksValidAfter: timestamp('links_valid_after', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_users_site_email_key').on(t.siteId, t.email)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    name: text('name').notNull(),
    /** The first characters of the key, shown so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** sha256 of the whole key; the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull(),
    /** What the key may do (src/contract/permissions.ts); keys made before roles existed are owner keys. */
    role: text('role', { enum: ['owner', 'admin', 'agent'] }).notNull().default('owner'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash)],
);

/** Sessions of both audiences: staff in the admin app, contacts in the member area. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    audience: text('audience', { enum: ['staff', 'member'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** sha256 of the cookie value. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    /** Lower-cased; unique per site. */
    email: text('email'),
    /** E.164. */
    phone: text('phone'),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** Links issued before this instant no longer log this contact in ("revoke all links"). */
    linksValidAfter: timestamp('links_valid_after', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_site_email_key').on(t.siteId, t.email),
    index('contacts_site_created_idx').on(t.siteId, t.createdAt),
  ],
);

export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Whether holding this offer opens the affiliate portal. */
    includesAffiliates: boolean('includes_affiliates').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('offers_site_idx').on(t.siteId)],
);

/** Courses and communities: the sections an offer can unlock. */
export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    kind: text('kind', { enum: ['course', 'community'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('content_items_site_idx').on(t.siteId, t.kind)],
);

export const offerItems = pgTable(
  'offer_items',
  {
    siteId: siteRef(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.itemId] }), index('offer_items_item_idx').on(t.itemId)],
);

/** A contact holds an offer while a grant without revoked_at exists. */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('access_grants_one_active').on(t.contactId, t.offerId).where(sql`revoked_at is null`),
    index('access_grants_contact_idx').on(t.siteId, t.contactId),
  ],
);

/**
 * Domain events written in the same transaction as the change they describe (a transactional
 * outbox), then published in-process after commit. Workflows and the activity views read them.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('domain_events_site_type_idx').on(t.siteId, t.type, t.createdAt)],
);

/** Every minted magic link; the token itself is never stored, only its jti. */
export const magicLinks = pgTable(
  'magic_links',
  {
    jti: text('jti').primaryKey(),
    siteId: siteRef(),
    kind: text('kind', { enum: ['learner', 'user'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    destination: text('destination').notNull(),
    kid: text('kid').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    channel: text('channel').notNull(),
    /** Who or what sent it: "staff:<id>", "workflow:<id>", "message:<id>", "member:resend", "system". */
    sentBy: text('sent_by').notNull(),
    messageId: uuid('message_id'),
    /** SHA-256 (base64url) of the link's short code, when it was sent as a short link (server/links/short-links.ts). */
    shortCodeHash: text('short_code_hash'),
  },
  (t) => [
    index('magic_links_subject_idx').on(t.siteId, t.subjectId, t.issuedAt),
    uniqueIndex('magic_links_short_code_idx').on(t.shortCodeHash),
    // Per-message analytics join a message's links to their redemptions.
    index('magic_links_message_idx').on(t.messageId),
  ],
);

export const linkRedemptions = pgTable(
  'link_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    /** null when the token could not be attributed (tampered, foreign). */
    jti: text('jti'),
    subjectId: uuid('subject_id'),
    outcome: text('outcome').notNull(),
    ipHash: text('ip_hash'),
    createdAt: createdAt(),
  },
  (t) => [index('link_redemptions_site_idx').on(t.siteId, t.createdAt), index('link_redemptions_jti_idx').on(t.jti)],
);

/**
 * The embedded transport: what would have gone out over SMTP or SMS when no provider is
 * configured, stored whole so the flow works (and can be inspected) on a fresh machine.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    recipient: text('recipient').notNull(),
    contactId: uuid('contact_id'),
    subject: text('subject'),
    html: text('html'),
    text: text('text').notNull(),
    /**
     * Email: what rebuilds its raw MIME as it was sent, with subject, html and text (the message is
     * stored once; the MIME, which holds html and text again, is built when read — outbox-email-transport.ts).
     */
    headers: jsonb('headers').$type<Record<string, unknown>>(),
    /** Raw MIME of an email stored before `headers` existed (newer rows leave it null). */
    raw: text('raw'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_site_idx').on(t.siteId, t.createdAt), index('outbox_contact_idx').on(t.siteId, t.contactId, t.createdAt)],
);

/** Stored composer documents (email: subject, preview text, body; SMS: body); `version` grows on every edit. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    name: text('name').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_templates_site_idx').on(t.siteId, t.createdAt)],
);

/**
 * Autosaved work in progress on a template, one per staff member and template (`draftKey` is the
 * template's id, or `new-email` / `new-sms` before it is first saved). Not validated: a draft may be
 * half-written. Saving the template deletes it.
 */
export const templateDrafts = pgTable(
  'template_drafts',
  {
    siteId: siteRef(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    draftKey: text('draft_key').notNull(),
    name: text('name').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.draftKey] })],
);

/** A send: the document as it was when sent (a later template edit does not change it) and who it goes to. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    templateId: uuid('template_id').references(() => messageTemplates.id, { onDelete: 'set null' }),
    templateVersion: integer('template_version'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** The recipients as asked for: { contactIds } | { offerId } | { all: true }. */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    /** The offer whose holders were chosen: fills {{offer.title}}. */
    offerId: uuid('offer_id'),
    /** This send's learner-link lifetime and use limit; null fields take the site's (server/links/link-policy.ts). */
    linkPolicy: jsonb('link_policy').$type<{ lifetimeSeconds?: number; maxUses?: number | null; shortLinks?: boolean }>(),
    sentBy: text('sent_by').notNull(),
    total: integer('total').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_site_idx').on(t.siteId, t.createdAt),
    // A template's send history, newest first.
    index('messages_template_idx').on(t.templateId, t.createdAt),
  ],
);

/**
 * One row per (message, contact): the idempotency key of a send. A row is claimed ('sending') with
 * an atomic update before it is delivered and marked 'sent' after, so a retried or recovered batch
 * only sends what is not sent yet. `claimedBy` names the process lease (processLeases) holding the
 * claim while the row is in flight; a row whose lease is gone belongs to a dead process and is taken
 * over (server/messages/claim-sweep.ts). Cleared once the row is final.
 */
export const messageRecipients = pgTable(
  'message_recipients',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    siteId: siteRef(),
    contactId: uuid('contact_id').notNull(),
    batch: integer('batch').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'skipped'] }).notNull().default('queued'),
    /** Why it was skipped or failed. */
    reason: text('reason'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimedBy: uuid('claimed_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The transport's id for the delivery (Message-ID, provider message sid, outbox id). */
    deliveryId: text('delivery_id'),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.contactId] }),
    index('message_recipients_batch_idx').on(t.messageId, t.batch),
    index('message_recipients_status_idx').on(t.messageId, t.status),
    // A contact's conversation thread reads their deliveries across messages.
    index('message_recipients_contact_idx').on(t.contactId),
    // The sweep reads only rows in flight: small however many rows a database holds.
    index('message_recipients_claimed_by_idx').on(t.claimedBy).where(sql`${t.claimedBy} is not null`),
  ],
);

/**
 * One row per live server process, renewed by its heartbeat (server/queue/process-lease.ts). A row
 * that expired belongs to a process that died; its claims are taken over by the others. Times are
 * the database's clock, so processes on machines with skewed clocks agree.
 */
export const processLeases = pgTable('process_leases', {
  id: uuid('id').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Automations (server/workflows): a trigger and ordered actions, validated by
 * src/contract/workflow-schemas.ts. `trigger`: { type: 'offer_access_granted', offerIds: [] }
 * (empty = any offer); `actions`: send_email | send_sms { templateId } | wait { seconds|minutes|hours|days }.
 */
export const workflows = pgTable(
  'workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    trigger: jsonb('trigger').$type<Record<string, unknown>>().notNull(),
    actions: jsonb('actions').$type<Record<string, unknown>[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workflows_site_idx').on(t.siteId, t.createdAt)],
);

/**
 * One run per (workflow, grant): the unique key makes a duplicate event or a second grant
 * delivery start nothing. The actions are a snapshot taken when the run started; `current_step`
 * advances with a conditional update, so a step job that runs twice acts once.
 */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
    grantId: uuid('grant_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id').notNull(),
    /** What granted the access: api, admin, webhook, import, seed. */
    source: text('source').notNull(),
    actions: jsonb('actions').$type<Record<string, unknown>[]>().notNull(),
    status: text('status', { enum: ['running', 'waiting', 'completed', 'failed', 'cancelled'] }).notNull().default('running'),
    currentStep: integer('current_step').notNull().default(0),
    /** One entry per executed step: its outcome, the message it queued, how long it waits. */
    log: jsonb('log').$type<Record<string, unknown>[]>().notNull().default([]),
    /** When a waiting run's next step is due. */
    nextStepAt: timestamp('next_step_at', { withTimezone: true }),
    /**
     * The process lease (processLeases) of the process running the current step, set when its job
     * starts and cleared when the step is recorded. A claim whose lease is gone belongs to a dead
     * process: the step sweep (server/workflows/step-sweep.ts) queues the step again.
     */
    stepClaimedBy: uuid('step_claimed_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workflow_runs_workflow_grant_key').on(t.workflowId, t.grantId),
    index('workflow_runs_workflow_idx').on(t.workflowId, t.createdAt),
    index('workflow_runs_active_idx').on(t.status).where(sql`status in ('running', 'waiting')`),
    index('workflow_runs_step_claimed_by_idx').on(t.stepClaimedBy).where(sql`${t.stepClaimedBy} is not null`),
  ],
);

/** The per-site secret inbound webhooks are signed with, sealed like the signing keys. */
export const webhookSecrets = pgTable('webhook_secrets', {
  siteId: uuid('site_id')
    .primaryKey()
    .references(() => sites.id, { onDelete: 'cascade' }),
  /** Sealed with the master key (server/links/key-seal.ts). */
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

/**
 * Webhook signatures already accepted, so each is used once: a replay inside the signature's
 * time window finds its row (the primary key makes the check-and-record one atomic insert).
 * Rows older than the window are pruned (server/webhooks/seen-signatures.ts).
 */
export const seenWebhookSignatures = pgTable(
  'seen_webhook_signatures',
  {
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** sha256 hex of the signature header. */
    signatureHash: text('signature_hash').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.signatureHash] }), index('seen_webhook_signatures_seen_idx').on(t.seenAt)],
);

/** Replies from contacts (SMS through the provider's webhook, email through the inbound endpoint). */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: siteRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** The sender's address or number as received. */
    sender: text('sender').notNull(),
    subject: text('subject'),
    text: text('text').notNull(),
    /** Received HTML: shown only in a sandboxed iframe. */
    html: text('html'),
    /** The provider's id (MessageSid, Message-ID): a redelivered reply is stored once. */
    externalId: text('external_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inbound_messages_external_key').on(t.siteId, t.channel, t.externalId),
    index('inbound_messages_contact_idx').on(t.siteId, t.contactId, t.receivedAt),
  ],
);

/**
 * Fixed-window rate-limit counters shared by every process on one PostgreSQL database
 * (server/http/rate-limiter.ts); one row per limiter and key, updated by one atomic upsert per hit.
 * Times are epoch milliseconds of the process clock. UNLOGGED (migration 0016, which drizzle's
 * schema cannot declare): no WAL, so a hit does not wait for a disk flush; a crash empties it.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * The 6-digit code sent with a login email (server/auth/login-codes.ts): one row per request, bound
 * to the link sent with it (jti). Only an HMAC of request id and code is stored. Independent of
 * the link's own uses: a code login never takes a use of the link, and the link never spends the code.
 */
export const loginCodes = pgTable(
  'login_codes',
  {
    /** The request id; a page that knows the request carries it, so the person types only the code. */
    id: uuid('id').primaryKey(),
    siteId: siteRef(),
    kind: text('kind', { enum: ['learner', 'user'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    jti: text('jti').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('login_codes_subject_idx').on(t.subjectId, t.expiresAt), index('login_codes_jti_idx').on(t.jti)],
);
