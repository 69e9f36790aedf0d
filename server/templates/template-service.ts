/** Stored templates: validated against the site's catalog, compiled on save and cached per version. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { messageTemplates } from '../db/schema.ts';
import { notFound } from '../http/api-error.ts';
import { compiledCache, templateCacheKey } from '../render/compiled-cache.ts';
import { sendWarnings, type CompiledMessage } from '../render/compiled-message.ts';
import { siteCatalog } from './site-catalog.ts';
import type { ChannelContent } from '../../src/template/channel.ts';
import { assertValidContent } from './template-content.ts';
import type { createTemplateBody, updateTemplateBody } from '../../src/contract/template-schemas.ts';

export type MessageTemplate = typeof messageTemplates.$inferSelect;

export const templateContent = (t: MessageTemplate): ChannelContent => ({ channel: t.channel, content: t.content }) as unknown as ChannelContent;

export function compiledTemplate(t: MessageTemplate): Promise<CompiledMessage> {
  return compiledCache.get(templateCacheKey(t.id, t.version), () => templateContent(t));
}

export async function presentTemplate(t: MessageTemplate) {
  const compiled = await compiledTemplate(t);
  return {
    id: t.id,
    name: t.name,
    channel: t.channel,
    content: t.content,
    version: t.version,
    linkKeys: compiled.linkKeys,
    warnings: sendWarnings(compiled),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export async function requireTemplate(db: DbOrTx, siteId: string, templateId: string): Promise<MessageTemplate> {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.siteId, siteId), eq(messageTemplates.id, templateId)))
    .limit(1);
  if (!row) throw notFound('Template');
  return row;
}

export async function createTemplate(ctx: AppContext, siteId: string, input: z.output<typeof createTemplateBody>) {
  const catalog = await siteCatalog(ctx.db, siteId, 'workflow');
  assertValidContent(input.channel, input.content, catalog, 'content');
  const [row] = await ctx.db
    .insert(messageTemplates)
    .values({ siteId, name: input.name, channel: input.channel, content: input.content, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning();
  return row;
}

export async function updateTemplate(ctx: AppContext, siteId: string, templateId: string, input: z.output<typeof updateTemplateBody>) {
  const current = await requireTemplate(ctx.db, siteId, templateId);
  if (input.content !== undefined) {
    assertValidContent(current.channel, input.content, await siteCatalog(ctx.db, siteId, 'workflow'), 'content');
  }
  const [row] = await ctx.db
    .update(messageTemplates)
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.content !== undefined && { content: input.content, version: sql`${messageTemplates.version} + 1` }),
      updatedAt: ctx.now(),
    })
    .where(eq(messageTemplates.id, templateId))
    .returning();
  return row;
}

export async function listTemplates(db: DbOrTx, siteId: string, channel?: Channel) {
  return db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.siteId, siteId), channel ? eq(messageTemplates.channel, channel) : undefined))
    .orderBy(asc(messageTemplates.createdAt), asc(messageTemplates.id));
}
