/** Wires workflows into a server process: the step worker, the grant trigger, and catch-up after a restart. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { runStepAttempt } from './run-step.ts';
import { startStepQueue } from './step-queue.ts';
import { catchUpGrants, triggerWorkflows } from './workflow-trigger.ts';

/** Call after the send queue has started (it installs the queue schema the steps share). */
export async function startWorkflows(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const queue = await startStepQueue(ctx, (job, q) => runStepAttempt(ctx, job, q));
  const unsubscribe = ctx.events.subscribe('offer.access_granted', async (event) => {
    await triggerWorkflows(ctx, queue, event);
  });
  app.addHook('onClose', async () => unsubscribe());
  await catchUpGrants(ctx, queue);
}
