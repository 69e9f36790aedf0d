/**
 * Autosaved drafts of a template, each belonging to one staff member: the editor writes one while
 * someone types and offers it back when they return; saving the template deletes it. Drafts are
 * work in progress, so their content is not validated (the template's save is where that happens).
 */
import type { Channel } from '../../src/template/channel.ts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { templateDrafts } from '../db/schema.ts';
import { ApiError } from '../http/api-error.ts';
import type { putDraftBody } from '../../src/contract/template-draft-schemas.ts';

export type TemplateDraft = typeof templateDrafts.$inferSelect;

/** The draft key of a template not saved yet (one per channel). */
export const newTemplateDraftKey = (channel: Channel) => `new-${channel}`;

/** Drafts are personal: only a signed-in staff member has one (an API key has no editor). */
export function draftOwner(principal: Principal | null): string {
  if (principal?.kind !== 'staff') {
    throw new ApiError(403, 'drafts_need_staff', 'Drafts belong to a signed-in staff member; sign in to the admin app to keep one.');
  }
  return principal.userId;
}

export function presentDraft(draft: TemplateDraft) {
  return { draftKey: draft.draftKey, name: draft.name, channel: draft.channel, content: draft.content, updatedAt: draft.updatedAt };
}

export async function findDraft(db: DbOrTx, siteId: string, staffUserId: string, draftKey: string): Promise<TemplateDraft | null> {
  const [row] = await db
    .select()
    .from(templateDrafts)
    .where(and(eq(templateDrafts.siteId, siteId), eq(templateDrafts.staffUserId, staffUserId), eq(templateDrafts.draftKey, draftKey)))
    .limit(1);
  return row ?? null;
}

export async function putDraft(
  ctx: AppContext,
  siteId: string,
  staffUserId: string,
  draftKey: string,
  input: z.output<typeof putDraftBody>,
): Promise<TemplateDraft> {
  const values = { name: input.name, channel: input.channel, content: input.content, updatedAt: ctx.now() };
  const [row] = await ctx.db
    .insert(templateDrafts)
    .values({ siteId, staffUserId, draftKey, ...values })
    .onConflictDoUpdate({ target: [templateDrafts.staffUserId, templateDrafts.draftKey], set: values })
    .returning();
  return row;
}

export async function discardDraft(db: DbOrTx, siteId: string, staffUserId: string, draftKey: string): Promise<void> {
  await db
    .delete(templateDrafts)
    .where(and(eq(templateDrafts.siteId, siteId), eq(templateDrafts.staffUserId, staffUserId), eq(templateDrafts.draftKey, draftKey)));
}

/** After a save the staff member's draft of it is spent (API keys keep none). */
export async function discardDraftAfterSave(db: DbOrTx, siteId: string, principal: Principal | null, draftKey: string): Promise<void> {
  if (principal?.kind === 'staff') await discardDraft(db, siteId, principal.userId, draftKey);
}
