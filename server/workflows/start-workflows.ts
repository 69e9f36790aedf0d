/** Wires workflows into a server process: the step worker, the grant trigger, the sweep of dead processes' steps, and catch-up after a restart. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { runStepAttempt } from './run-step.ts';
import { startStepQueue } from './step-queue.ts';
import { startStepSweep } from './step-sweep.ts';
import { catchUpGrants, triggerWorkflows } from './workflow-trigger.ts';

/** Call after the send queue has started (it installs the queue schema the steps share, and the process lease). */
export async function startWorkflows(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const queue = await startStepQueue(ctx, (job, q) => runStepAttempt(ctx, job, q));
  const unsubscribe = ctx.events.subscribe('offer.access_granted', async (event) => {
    await triggerWorkflows(ctx, queue, event);
  });
  const sweep = await startStepSweep(ctx, queue, app.log);
  // Before the queue stops (onClose, server/messages/messaging.ts): a sweep then would queue into a stopped queue.
  app.addHook('preClose', async () => sweep.stop());
  app.addHook('onClose', async () => unsubscribe());
  await catchUpGrants(ctx, queue);
}
