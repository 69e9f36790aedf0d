/**
 * The send queue: one job per batch of recipients, on the process's job queue (server/queue).
 * Every server process runs workers; jobs are shared through the database.
 *
 * Exactly once per recipient comes from the recipient rows (see recipient-claims.ts), not from
 * the queue: a job may run twice (a retry, a recovered batch) and sends only what is unsent.
 * Claims are held under this process's lease (server/queue/process-lease.ts); the claim sweep of
 * every process takes over a dead process's claims (claim-sweep.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { closeTransports } from '../channels/transports.ts';
import { createSitePacer } from '../delivery/site-pacer.ts';
import { startProcessLease } from '../queue/process-lease.ts';
import { queueOf, type Queue } from '../queue/queue.ts';
import { startClaimSweep } from './claim-sweep.ts';
import { startProgressSignal } from './progress-signal.ts';
import { unfinishedBatches } from './recipient-claims.ts';
import { sendBatch, type BatchJob } from './send-batch.ts';

export const BATCH_QUEUE = 'message-batch';

export interface Messaging {
  /**
   * Queues batch jobs inside `db`'s transaction when it is one (they exist only if it commits);
   * `startAfterSeconds` delays them (a re-check of rows another process holds).
   */
  enqueue(db: DbOrTx, jobs: BatchJob[], startAfterSeconds?: number): Promise<void>;
  /** Looks for due batches now (call after committing an `enqueue`). */
  wake(): void;
}

const running = new WeakMap<AppContext, Messaging>();

export function messagingOf(ctx: AppContext): Messaging {
  const messaging = running.get(ctx);
  if (!messaging) throw new Error('The send queue is not running in this process');
  return messaging;
}

export async function startMessaging(app: FastifyInstance, ctx: AppContext): Promise<Messaging> {
  const settings = ctx.config.delivery;
  const queue: Queue = queueOf(ctx);
  await queue.declare(BATCH_QUEUE, {
    retryLimit: settings.maxAttempts + 2,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    // Only a bound for a job whose process died (the sweep re-queues its batch within seconds;
    // the expired job then finds nothing left to claim).
    expireInSeconds: 15 * 60,
  });
  const lease = await startProcessLease(ctx, app.log);
  const progress = await startProgressSignal(ctx, app.log);

  const messaging: Messaging = {
    enqueue: (db, jobs, startAfterSeconds) => queue.send(db, BATCH_QUEUE, jobs, startAfterSeconds),
    wake: () => queue.wake(BATCH_QUEUE),
  };

  const pacer = createSitePacer(ctx, settings.ratePerSite);
  // Several workers, so one batch renders while another writes (each takes one job at a time).
  for (let i = 0; i < settings.workers; i++) {
    await queue.work<BatchJob>(BATCH_QUEUE, async (job) => {
      // Rows another process holds are its to finish (or, if it dies, the sweep's to re-queue).
      const left = await sendBatch(ctx, job.data, pacer, { processId: lease.id, progress });
      if (left.queued > 0) throw new Error(`${left.queued} recipients failed transiently; the batch will be retried`);
    });
  }
  running.set(ctx, messaging);
  // The queue stops first (running batches finish), then the transports close.
  let sweepStop = () => {};
  app.addHook('onClose', async () => {
    running.delete(ctx);
    sweepStop();
    await queue.stop();
    await closeTransports(ctx);
    await progress.stop();
    await lease.stop();
  });
  // Claims of dead processes (on the embedded database: of this process's previous run).
  sweepStop = (await startClaimSweep(ctx, messaging, progress, app.log)).stop;

  // After a crash or restart: batches with work left get a job (a duplicate job finds nothing to claim).
  const unfinished = await unfinishedBatches(ctx.db);
  if (unfinished.length > 0) {
    await messaging.enqueue(ctx.db, unfinished);
    messaging.wake();
  }
  return messaging;
}
