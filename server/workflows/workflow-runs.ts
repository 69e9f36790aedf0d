/**
 * Workflow runs: started once per (workflow, grant) — the unique key turns a duplicate event into
 * nothing — and advanced one step at a time with a conditional update on `current_step`, so a
 * step whose job runs twice (a retry, a recovered job, a step taken over from a process thought
 * dead) acts once. The process running a step names its lease on the run (`step_claimed_by`).
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { workflowRuns } from '../db/schema.ts';
import { heldByNoLiveProcess } from '../queue/process-lease.ts';
import type { RunLogEntry, WorkflowAction } from '../../src/contract/workflow-schemas.ts';
import type { Workflow } from './workflow-service.ts';

type Row = typeof workflowRuns.$inferSelect;
export type WorkflowRun = Omit<Row, 'actions' | 'log'> & { actions: WorkflowAction[]; log: RunLogEntry[] };
export type RunStatus = Row['status'];

const typed = (row: Row): WorkflowRun => row as unknown as WorkflowRun;

export const ACTIVE_STATUSES: RunStatus[] = ['running', 'waiting'];

export interface GrantTrigger {
  siteId: string;
  grantId: string;
  contactId: string;
  offerId: string;
  source: string;
}

/** Starts a run of each workflow for the grant; returns only the runs this call created. */
export async function startRuns(db: DbOrTx, workflows: Workflow[], grant: GrantTrigger, now: Date): Promise<WorkflowRun[]> {
  if (workflows.length === 0) return [];
  const rows = await db
    .insert(workflowRuns)
    .values(
      workflows.map((w) => ({
        siteId: grant.siteId,
        workflowId: w.id,
        grantId: grant.grantId,
        contactId: grant.contactId,
        offerId: grant.offerId,
        source: grant.source,
        actions: w.actions,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [workflowRuns.workflowId, workflowRuns.grantId] })
    .returning();
  return rows.map(typed);
}

export async function findRun(db: DbOrTx, runId: string): Promise<WorkflowRun | null> {
  const [row] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, runId)).limit(1);
  return row ? typed(row) : null;
}

const atActiveStep = (runId: string, step: number) =>
  and(eq(workflowRuns.id, runId), eq(workflowRuns.currentStep, step), inArray(workflowRuns.status, ACTIVE_STATUSES));

/**
 * Marks step `step` of the run as being run by the process holding `leaseId`, if the run is still
 * active at that step; returns the run then, else null (the step is done, or the run over). Takes
 * the claim from whoever held it: a job runs only once pg-boss (or the sweep) handed it out again.
 */
export async function claimStep(db: DbOrTx, runId: string, step: number, leaseId: string): Promise<WorkflowRun | null> {
  const [row] = await db.update(workflowRuns).set({ stepClaimedBy: leaseId }).where(atActiveStep(runId, step)).returning();
  return row ? typed(row) : null;
}

/**
 * Frees the steps claimed by processes whose lease is gone (they died mid-step); returns each run
 * and its step, to be queued again. Concurrent sweeps take each run once.
 */
export async function takeOverDeadSteps(db: DbOrTx): Promise<Array<{ runId: string; step: number }>> {
  return db
    .update(workflowRuns)
    .set({ stepClaimedBy: null })
    .where(and(isNotNull(workflowRuns.stepClaimedBy), inArray(workflowRuns.status, ACTIVE_STATUSES), heldByNoLiveProcess(workflowRuns.stepClaimedBy)))
    .returning({ runId: workflowRuns.id, step: workflowRuns.currentStep });
}

export interface StepResult {
  entry: RunLogEntry;
  status: RunStatus;
  /** The step to run next (the number of actions when the run is over). */
  nextStep: number;
  nextStepAt?: Date | null;
}

/**
 * Records step `step` as done: appends its log entry and moves the run on — only if the run is
 * still active at that step. Returns false when another execution already did (the caller must
 * then roll back whatever it did in the same transaction).
 */
export async function completeStep(db: DbOrTx, run: Pick<WorkflowRun, 'id'>, step: number, result: StepResult, now: Date): Promise<boolean> {
  const updated = await db
    .update(workflowRuns)
    .set({
      status: result.status,
      currentStep: result.nextStep,
      nextStepAt: result.nextStepAt ?? null,
      log: sql`${workflowRuns.log} || ${JSON.stringify([result.entry])}::jsonb`,
      stepClaimedBy: null,
      updatedAt: now,
    })
    .where(atActiveStep(run.id, step))
    .returning({ id: workflowRuns.id });
  return updated.length === 1;
}

export async function listRuns(db: DbOrTx, workflowId: string, query: { contactId?: string; limit: number; offset: number }): Promise<WorkflowRun[]> {
  const rows = await db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.workflowId, workflowId), query.contactId ? eq(workflowRuns.contactId, query.contactId) : undefined))
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map(typed);
}

/** Every run with a step still to do (recovery after a restart). */
export async function activeRuns(db: DbOrTx): Promise<Array<Pick<WorkflowRun, 'id' | 'currentStep' | 'nextStepAt'>>> {
  return db
    .select({ id: workflowRuns.id, currentStep: workflowRuns.currentStep, nextStepAt: workflowRuns.nextStepAt })
    .from(workflowRuns)
    .where(inArray(workflowRuns.status, ACTIVE_STATUSES));
}
