/** Creating a send: the document snapshot, its recipient rows, and one queue job per batch. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { DbOrTx, Tx } from '../db/database.ts';
import { messages } from '../db/schema.ts';
import { conflict, invalidField, notFound } from '../http/api-error.ts';
import type { Principal } from '../auth/principal.ts';
import { requireOffer } from '../offers/offer-service.ts';
import { compiledCache, messageCacheKey, templateCacheKey } from '../render/compiled-cache.ts';
import type { CompiledMessage } from '../render/compiled-message.ts';
import type { Site } from '../sites/site-repository.ts';
import { siteCatalog } from '../templates/site-catalog.ts';
import type { ChannelContent } from '../../src/template/channel.ts';
import { assertValidContent } from '../templates/template-content.ts';
import { compiledTemplate, requireTemplate, templateContent } from '../templates/template-service.ts';
import { compileMessage } from '../render/compiled-message.ts';
import { insertRecipients } from './audience.ts';
import { messagingOf } from './messaging.ts';
import type { createMessageBody } from '../../src/contract/message-schemas.ts';

export type Message = typeof messages.$inferSelect;

export const messageContent = (m: Message): ChannelContent => ({ channel: m.channel, content: m.content }) as unknown as ChannelContent;

/** A message sent from a template version shares that version's compiled form. */
export function compiledMessage(m: Message): Promise<CompiledMessage> {
  const key = m.templateId && m.templateVersion ? templateCacheKey(m.templateId, m.templateVersion) : messageCacheKey(m.id);
  return compiledCache.get(key, () => messageContent(m));
}

export async function findMessage(db: DbOrTx, messageId: string): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  return row ?? null;
}

export async function requireMessage(db: DbOrTx, siteId: string, messageId: string): Promise<Message> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.siteId, siteId), eq(messages.id, messageId)))
    .limit(1);
  if (!row) throw notFound('Message');
  return row;
}

export function describePrincipal(principal: Principal | null): string {
  if (!principal || principal.kind === 'bootstrap') return 'operator';
  return principal.kind === 'staff' ? `staff:${principal.userId}` : `api-key:${principal.keyId}`;
}

export interface NewMessage {
  site: Site;
  body: z.output<typeof createMessageBody>;
  /** Who sent it: `describePrincipal(principal)`, or `workflow:<id>`. */
  sentBy: string;
  /** The offer behind `{{offer.*}}` when the audience is not an offer's holders (a workflow's grant). */
  offerId?: string | null;
  /** Creates the message inside this transaction (its batch jobs exist only if it commits). */
  tx?: Tx;
  messageId?: string;
}

export interface SendContent {
  /** The offer behind `{{offer.*}}`: the audience's, else the caller's (a workflow's grant). */
  offerId: string | null;
  snapshot: ChannelContent;
  template: { id: string; version: number } | null;
  compiled: CompiledMessage;
}

/**
 * What a send (or its estimate) sends: the template's saved version or the given document,
 * compiled, with the checks a send makes before anything is written (400/404/409).
 */
export async function resolveSendContent(
  db: DbOrTx,
  site: Site,
  body: z.output<typeof createMessageBody>,
  fallbackOfferId: string | null,
): Promise<SendContent> {
  const offerId = 'offerId' in body.recipients ? body.recipients.offerId : fallbackOfferId;
  if (offerId) await requireOffer(db, site.id, offerId);
  let snapshot: ChannelContent;
  let template: { id: string; version: number } | null = null;
  let compiled: CompiledMessage;
  if (body.templateId) {
    const stored = await requireTemplate(db, site.id, body.templateId);
    if (stored.channel !== body.channel) throw invalidField('channel', `template ${stored.id} is an ${stored.channel} template`);
    snapshot = templateContent(stored);
    template = { id: stored.id, version: stored.version };
    compiled = await compiledTemplate(stored);
  } else {
    // {{offer.title}} has a value only when the audience is an offer's holders.
    const catalog = await siteCatalog(db, site.id, offerId ? 'workflow' : 'broadcast');
    snapshot = assertValidContent(body.channel, body.document, catalog, 'document');
    compiled = await compileMessage(snapshot);
  }
  if (compiled.carriesLearnerLink && !site.subdomain) {
    throw conflict('site_details_incomplete', 'subdomain: the site needs a subdomain before it can send magic links', 'subdomain');
  }
  return { offerId, snapshot, template, compiled };
}

/**
 * Creates a send: the document snapshot, its recipient rows and one queue job per batch, in one
 * transaction (the caller's `tx` when given; the caller then wakes the queue after committing).
 */
export async function createMessage(ctx: AppContext, input: NewMessage): Promise<{ message: Message; batches: number }> {
  const { site, body } = input;
  const db = input.tx ?? ctx.db;
  const { offerId, snapshot, template, compiled } = await resolveSendContent(db, site, body, input.offerId ?? null);

  const batchSize = ctx.config.delivery.batchSize;
  const write = async (tx: Tx) => {
    const [created] = await tx
      .insert(messages)
      .values({
        ...(input.messageId && { id: input.messageId }),
        siteId: site.id,
        templateId: template?.id ?? null,
        templateVersion: template?.version ?? null,
        channel: snapshot.channel,
        content: snapshot.content as unknown as Record<string, unknown>,
        audience: body.recipients as Record<string, unknown>,
        offerId,
        linkPolicy: body.linkPolicy ?? null,
        sentBy: input.sentBy,
        createdAt: ctx.now(),
      })
      .returning();
    const total = await insertRecipients(tx, site.id, created.id, body.recipients, batchSize);
    const batches = Math.ceil(total / batchSize);
    const [message] = await tx.update(messages).set({ total, batches }).where(eq(messages.id, created.id)).returning();
    await messagingOf(ctx).enqueue(tx, Array.from({ length: batches }, (_, batch) => ({ messageId: message.id, batch })));
    return { message, batches };
  };
  const result = input.tx ? await write(input.tx) : await ctx.db.transaction(write);
  if (!input.tx) messagingOf(ctx).wake();

  if (!template) compiledCache.prime(messageCacheKey(result.message.id), compiled);
  return result;
}
