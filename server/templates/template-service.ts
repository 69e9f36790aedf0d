/** Stored templates: validated against the site's catalog, compiled on save and cached per version. */
import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { messageTemplates, templateDrafts, workflows } from '../db/schema.ts';
import { conflict, notFound } from '../http/api-error.ts';
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

/** `%`, `_` and `\` typed into a search mean themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTemplates(db: DbOrTx, siteId: string, filter: { channel?: Channel; search?: string } = {}) {
  return db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.siteId, siteId),
        filter.channel ? eq(messageTemplates.channel, filter.channel) : undefined,
        filter.search ? ilike(messageTemplates.name, likePattern(filter.search)) : undefined,
      ),
    )
    .orderBy(asc(messageTemplates.createdAt), asc(messageTemplates.id));
}

/** A copy named "<name> (copy)", checked against today's catalog like any new template. */
export async function duplicateTemplate(ctx: AppContext, siteId: string, templateId: string) {
  const source = await requireTemplate(ctx.db, siteId, templateId);
  const name = `${source.name} (copy)`.slice(0, 200);
  return createTemplate(ctx, siteId, { name, channel: source.channel, content: source.content });
}

/**
 * Deletes a template no workflow sends, with its drafts; sends made from it keep their own copy
 * of the document (their template_id becomes null). A workflow that sends it is named in the 409,
 * so the author knows where to change it first. The template row is locked while checking.
 */
export async function deleteTemplate(ctx: AppContext, siteId: string, templateId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [template] = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.siteId, siteId), eq(messageTemplates.id, templateId)))
      .for('update');
    if (!template) throw notFound('Template');
    // Workflows live in their own folder, which imports this one: read their table, not their module.
    const users = await tx
      .select({ id: workflows.id, name: workflows.name })
      .from(workflows)
      .where(and(eq(workflows.siteId, siteId), sql`${workflows.actions} @> ${JSON.stringify([{ templateId }])}::jsonb`))
      .orderBy(asc(workflows.name));
    if (users.length > 0) {
      const named = users.map((w) => `“${w.name}”`).join(', ');
      throw conflict(
        'template_in_use',
        `“${template.name}” is sent by the workflow${users.length > 1 ? 's' : ''} ${named}: remove it from ${users.length > 1 ? 'them' : 'that workflow'} first`,
        'templateId',
        { workflows: users },
      );
    }
    await tx.delete(templateDrafts).where(and(eq(templateDrafts.siteId, siteId), eq(templateDrafts.draftKey, templateId)));
    await tx.delete(messageTemplates).where(eq(messageTemplates.id, templateId));
  });
}
