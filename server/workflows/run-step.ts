/**
 * Executes one step of a run (one queue job). The step's effect — the message it queues, or the
 * delayed job of a Wait — and the run's move to the next step commit in one transaction, guarded by
 * the run still being at this step: a job delivered twice acts once. The step runs under this
 * process's lease (the run names it), so a process that dies mid-step loses it to another within
 * a lease and a sweep (server/workflows/step-sweep.ts), not after the job's expiry.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { messagingOf } from '../messages/messaging.ts';
import { processLeaseOf } from '../queue/process-lease.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';
import { requireTemplate, type MessageTemplate } from '../templates/template-service.ts';
import { ApiError } from '../http/api-error.ts';
import type { StepJob, StepQueue } from './step-queue.ts';
import { claimStep, completeStep, findRun, type StepResult, type WorkflowRun } from './workflow-runs.ts';
import { waitSeconds, type RunLogEntry, type SendAction } from '../../src/contract/workflow-schemas.ts';
import { findWorkflow } from './workflow-service.ts';
import { insertContactMessage, unsendableReason } from './workflow-message.ts';

/** Aborts the transaction when another execution of the step got there first. */
class StepAlreadyDone extends Error {}

export async function runStep(ctx: AppContext, job: StepJob, queue: StepQueue): Promise<void> {
  // Under this process's lease: if it dies mid-step, the step sweep queues the step again.
  const run = await claimStep(ctx.db, job.runId, job.step, processLeaseOf(ctx).id);
  if (!run) return;
  const workflow = await findWorkflow(ctx.db, run.siteId, run.workflowId);
  const action = run.actions[job.step];
  const entry = (outcome: RunLogEntry['outcome'], extra: Partial<RunLogEntry> = {}): RunLogEntry => ({
    step: job.step,
    type: action.type,
    at: ctx.now().toISOString(),
    outcome,
    ...extra,
  });
  const last = job.step + 1 >= run.actions.length;
  const moveOn = (logEntry: RunLogEntry, nextStepAt?: Date): StepResult => ({
    entry: logEntry,
    status: last ? 'completed' : nextStepAt ? 'waiting' : 'running',
    nextStep: job.step + 1,
    nextStepAt: last ? null : nextStepAt,
  });

  /** Ends the run here: the step could not (failed) or must not (cancelled) be done. */
  const stop = (outcome: 'failed' | 'cancelled', reason: string) =>
    completeStep(ctx.db, run, job.step, { entry: entry(outcome, { reason }), status: outcome, nextStep: job.step }, ctx.now());

  if (!workflow?.enabled) {
    await stop('cancelled', 'the workflow was disabled');
    return;
  }
  if (action.type === 'wait') {
    const seconds = waitSeconds(action);
    const until = new Date(ctx.now().getTime() + seconds * 1000);
    await advance(ctx, run, job.step, moveOn(entry('waiting', { until: until.toISOString() }), until), queue, seconds);
    return;
  }

  const site = (await findSiteByRef(ctx.db, run.siteId))!;
  const template = await templateOf(ctx, site, action);
  if (!template) {
    await stop('failed', `template ${action.templateId} no longer exists`);
    return;
  }
  const problem = await unsendableReason(site, template);
  if (problem) {
    await stop('failed', problem);
    return;
  }
  const messageId = randomUUID();
  const sent = await advance(ctx, run, job.step, moveOn(entry('queued', { messageId })), queue, 0, (tx) =>
    insertContactMessage(ctx, tx, {
      messageId,
      site,
      template,
      contactId: run.contactId,
      offerId: run.offerId,
      sentBy: `workflow:${run.workflowId}`,
      linkPolicy: action.linkPolicy,
    }),
  );
  if (sent) messagingOf(ctx).wake();
}

async function templateOf(ctx: AppContext, site: Site, action: SendAction): Promise<MessageTemplate | null> {
  try {
    return await requireTemplate(ctx.db, site.id, action.templateId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Records the step and, unless the run is over, queues the next one (after `delaySeconds`) — with
 * `effect` in the same transaction. Returns false when the step had already been recorded.
 */
async function advance(
  ctx: AppContext,
  run: WorkflowRun,
  step: number,
  result: StepResult,
  queue: StepQueue,
  delaySeconds: number,
  effect?: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await completeStep(tx, run, step, result, ctx.now()))) throw new StepAlreadyDone();
      await effect?.(tx);
      if (result.status !== 'completed') await queue.send(tx, { runId: run.id, step: result.nextStep }, delaySeconds);
    });
  } catch (error) {
    if (error instanceof StepAlreadyDone) return false;
    throw error;
  }
  if (!delaySeconds) queue.wake();
  return true;
}


/** What a step job's failure reports to pg-boss about its retries (its metadata). */
export interface StepAttempt {
  data: StepJob;
  retryCount: number;
  retryLimit: number;
}

/**
 * Runs a step job; when its last retry fails too, the run ends `failed` with the error as the
 * step's reason (instead of staying `running` with no job left to continue it).
 * Returns nothing; rethrows so pg-boss records the attempt.
 */
export async function runStepAttempt(ctx: AppContext, attempt: StepAttempt, queue: StepQueue): Promise<void> {
  try {
    await runStep(ctx, attempt.data, queue);
  } catch (error) {
    if (attempt.retryCount >= attempt.retryLimit) await failRun(ctx, attempt.data, error);
    throw error;
  }
}

async function failRun(ctx: AppContext, job: StepJob, error: unknown): Promise<void> {
  const run = await findRun(ctx.db, job.runId);
  if (!run || run.currentStep !== job.step) return;
  const reason = `the step failed after every retry: ${error instanceof Error ? error.message : String(error)}`;
  const entry: RunLogEntry = { step: job.step, type: run.actions[job.step].type, at: ctx.now().toISOString(), outcome: 'failed', reason };
  await completeStep(ctx.db, run, job.step, { entry, status: 'failed', nextStep: job.step }, ctx.now());
}
