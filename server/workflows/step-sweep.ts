/**
 * Steps a dead process was running: every process's sweep frees the step claims whose lease is gone
 * and queues those steps again, in one transaction (the jobs exist only if the take-over commits).
 * With the default lease of 15 s and sweep of 5 s, another process runs the step ~20 s after the
 * dead one's last heartbeat, instead of after pg-boss expires the job (minutes). The dead process's
 * job, once expired and retried, finds its step recorded and does nothing.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { startPeriodicSweep, type PeriodicSweep } from '../queue/periodic-sweep.ts';
import type { StepQueue } from './step-queue.ts';
import { takeOverDeadSteps } from './workflow-runs.ts';

export async function startStepSweep(ctx: AppContext, queue: StepQueue, log: FastifyBaseLogger): Promise<PeriodicSweep> {
  return startPeriodicSweep(ctx, log, 'the workflow step sweep', async () => {
    const steps = await ctx.db.transaction(async (tx) => {
      const taken = await takeOverDeadSteps(tx);
      for (const job of taken) await queue.send(tx, job);
      return taken;
    });
    if (steps.length === 0) return;
    log.warn({ steps: steps.length }, 'took over the workflow steps of a process that stopped renewing its lease');
    queue.wake();
  });
}
