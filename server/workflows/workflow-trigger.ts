/**
 * The Offer Access Granted trigger: a grant starts one run of every enabled workflow it matches,
 * and each run's first step is queued in the transaction that creates it.
 */
import { and, eq, gt } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { domainEvents } from '../db/schema.ts';
import type { DomainEvent } from '../events/event-bus.ts';
import type { StepQueue } from './step-queue.ts';
import { startRuns } from './workflow-runs.ts';
import { workflowsTriggeredBy, type Workflow } from './workflow-service.ts';

type GrantEvent = Pick<DomainEvent<'offer.access_granted'>, 'siteId' | 'payload' | 'createdAt'>;

/** Returns how many runs this call started (0 for an event seen before). */
export async function triggerWorkflows(
  ctx: AppContext,
  queue: StepQueue,
  event: GrantEvent,
  only: (workflow: Workflow) => boolean = () => true,
): Promise<number> {
  const { contactId, offerId, grantId, source } = event.payload;
  const workflows = (await workflowsTriggeredBy(ctx.db, event.siteId, offerId)).filter(only);
  if (workflows.length === 0) return 0;
  const started = await ctx.db.transaction(async (tx) => {
    const runs = await startRuns(tx, workflows, { siteId: event.siteId, grantId, contactId, offerId, source }, ctx.now());
    for (const run of runs) await queue.send(tx, { runId: run.id, step: 0 });
    return runs.length;
  });
  if (started > 0) queue.wake();
  return started;
}

/**
 * Grants recorded in the last day whose in-process event may have been lost (the process stopped
 * between the grant's commit and its subscribers): started now, for workflows unchanged since.
 * Runs that already exist are not started again.
 */
export async function catchUpGrants(ctx: AppContext, queue: StepQueue): Promise<number> {
  const events = await ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, 'offer.access_granted'), gt(domainEvents.createdAt, sql`now() - interval '1 day'`)))
    .orderBy(domainEvents.createdAt)
    .limit(10_000);
  let started = 0;
  for (const event of events) {
    const grant = { siteId: event.siteId, createdAt: event.createdAt, payload: event.payload as DomainEvent<'offer.access_granted'>['payload'] };
    started += await triggerWorkflows(ctx, queue, grant, (w) => w.updatedAt <= event.createdAt);
  }
  return started;
}
