/** Stored workflows: CRUD with every referenced offer and template checked against the site. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { messageTemplates, offers, workflows } from '../db/schema.ts';
import { invalidField, notFound } from '../http/api-error.ts';
import {
  channelOfAction,
  type createWorkflowBody,
  type updateWorkflowBody,
  type WorkflowAction,
  type WorkflowTrigger,
} from '../../src/contract/workflow-schemas.ts';

type Row = typeof workflows.$inferSelect;
export type Workflow = Omit<Row, 'trigger' | 'actions'> & { trigger: WorkflowTrigger; actions: WorkflowAction[] };

const typed = (row: Row): Workflow => row as unknown as Workflow;

export function presentWorkflow(w: Workflow) {
  return { id: w.id, name: w.name, enabled: w.enabled, trigger: w.trigger, actions: w.actions, createdAt: w.createdAt, updatedAt: w.updatedAt };
}

/** 400 naming `trigger.offerIds.N` for an offer the site does not have. */
async function checkTrigger(db: DbOrTx, siteId: string, trigger: WorkflowTrigger): Promise<void> {
  if (trigger.offerIds.length === 0) return;
  const found = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.siteId, siteId), inArray(offers.id, trigger.offerIds)));
  const known = new Set(found.map((o) => o.id));
  const index = trigger.offerIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalidField(`trigger.offerIds.${index}`, `no offer ${trigger.offerIds[index]} on this site`);
}

/** 400 naming `actions.N.templateId` for a template the site does not have or of the other channel. */
async function checkActions(db: DbOrTx, siteId: string, actions: WorkflowAction[]): Promise<void> {
  const ids = [...new Set(actions.flatMap((a) => (a.type === 'wait' ? [] : [a.templateId])))];
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: messageTemplates.id, channel: messageTemplates.channel })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.siteId, siteId), inArray(messageTemplates.id, ids)));
  const channels = new Map(rows.map((t) => [t.id, t.channel]));
  actions.forEach((action, index) => {
    if (action.type === 'wait') return;
    const channel = channels.get(action.templateId);
    if (!channel) throw invalidField(`actions.${index}.templateId`, `no template ${action.templateId} on this site`);
    if (channel !== channelOfAction(action)) {
      throw invalidField(`actions.${index}.templateId`, `${action.type} needs an ${channelOfAction(action)} template; this one is ${channel}`);
    }
  });
}

export async function createWorkflow(ctx: AppContext, siteId: string, input: z.output<typeof createWorkflowBody>): Promise<Workflow> {
  await checkTrigger(ctx.db, siteId, input.trigger);
  await checkActions(ctx.db, siteId, input.actions);
  const [row] = await ctx.db
    .insert(workflows)
    .values({ siteId, name: input.name, enabled: input.enabled, trigger: input.trigger, actions: input.actions, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning();
  return typed(row);
}

export async function findWorkflow(db: DbOrTx, siteId: string, workflowId: string): Promise<Workflow | null> {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.siteId, siteId), eq(workflows.id, workflowId)))
    .limit(1);
  return row ? typed(row) : null;
}

export async function requireWorkflow(db: DbOrTx, siteId: string, workflowId: string): Promise<Workflow> {
  const workflow = await findWorkflow(db, siteId, workflowId);
  if (!workflow) throw notFound('Workflow');
  return workflow;
}

export async function listWorkflows(db: DbOrTx, siteId: string): Promise<Workflow[]> {
  const rows = await db.select().from(workflows).where(eq(workflows.siteId, siteId)).orderBy(asc(workflows.createdAt), asc(workflows.id));
  return rows.map(typed);
}

/** The site's enabled workflows this grant triggers. */
export async function workflowsTriggeredBy(db: DbOrTx, siteId: string, offerId: string): Promise<Workflow[]> {
  const rows = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.siteId, siteId), eq(workflows.enabled, true)));
  return rows.map(typed).filter((w) => w.trigger.type === 'offer_access_granted' && (w.trigger.offerIds.length === 0 || w.trigger.offerIds.includes(offerId)));
}

export async function updateWorkflow(
  ctx: AppContext,
  siteId: string,
  workflowId: string,
  input: z.output<typeof updateWorkflowBody>,
): Promise<Workflow> {
  await requireWorkflow(ctx.db, siteId, workflowId);
  if (input.trigger) await checkTrigger(ctx.db, siteId, input.trigger);
  if (input.actions) await checkActions(ctx.db, siteId, input.actions);
  const [row] = await ctx.db
    .update(workflows)
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
      ...(input.trigger !== undefined && { trigger: input.trigger }),
      ...(input.actions !== undefined && { actions: input.actions }),
      updatedAt: ctx.now(),
    })
    .where(and(eq(workflows.siteId, siteId), eq(workflows.id, workflowId)))
    .returning();
  return typed(row);
}

/** Deletes the workflow with its run history; runs in progress stop at their next step. */
export async function deleteWorkflow(ctx: AppContext, siteId: string, workflowId: string): Promise<void> {
  await requireWorkflow(ctx.db, siteId, workflowId);
  await ctx.db.delete(workflows).where(and(eq(workflows.siteId, siteId), eq(workflows.id, workflowId)));
}
