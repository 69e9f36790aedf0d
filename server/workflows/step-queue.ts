/**
 * The durable queue workflow steps run on: a queue of the process's job queue (server/queue). A
 * step is one job; a Wait is a job with `startAfter`, stored in the database, so it survives a
 * restart and runs on whichever process is alive when it is due. A step's next job is inserted in
 * the transaction that records the step, so a crash can't leave a run with no job to continue it.
 */
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { queueOf } from '../queue/queue.ts';

export const STEP_QUEUE = 'workflow-step';

export interface StepJob {
  runId: string;
  step: number;
}

export interface StepQueue {
  /** Queues a step inside `db`'s transaction (it exists only if that commits), after `startAfterSeconds`. */
  send(db: DbOrTx, job: StepJob, startAfterSeconds?: number): Promise<void>;
  /** Looks for due jobs now instead of at the next poll (call after committing a send). */
  wake(): void;
}

const STEP_JOB_OPTIONS = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

export async function startStepQueue(
  ctx: AppContext,
  runStep: (job: PgBoss.JobWithMetadata<StepJob>, queue: StepQueue) => Promise<void>,
): Promise<StepQueue> {
  const jobs = queueOf(ctx);
  await jobs.declare(STEP_QUEUE, STEP_JOB_OPTIONS);
  const queue: StepQueue = {
    send: (db, job, startAfterSeconds) => jobs.send(db, STEP_QUEUE, [job], startAfterSeconds),
    wake: () => jobs.wake(STEP_QUEUE),
  };
  await jobs.work<StepJob>(STEP_QUEUE, (job) => runStep(job, queue));
  return queue;
}
