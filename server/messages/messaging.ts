/**
 * The send queue: one job per batch of recipients, on the process's job queue (server/queue).
 * Every server process runs workers; jobs are shared through the database.
 *
 * Exactly once per recipient comes from the recipient rows (see recipient-claims.ts), not from
 * the queue: a job may run twice (a retry, a recovered batch) and sends only what is unsent.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { closeTransports } from '../delivery/transports.ts';
import { createSitePacer } from '../delivery/site-pacer.ts';
import { queueOf, type Queue } from '../queue/queue.ts';
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
    expireInSeconds: settings.claimTimeoutSeconds + 60,
  });

  const messaging: Messaging = {
    enqueue: (db, jobs, startAfterSeconds) => queue.send(db, BATCH_QUEUE, jobs, startAfterSeconds),
    wake: () => queue.wake(BATCH_QUEUE),
  };

  const pacer = createSitePacer(ctx, settings.ratePerSite);
  // Several workers, so one batch renders while another writes (each takes one job at a time).
  for (let i = 0; i < settings.workers; i++) {
    await queue.work<BatchJob>(BATCH_QUEUE, async (job) => {
      const left = await sendBatch(ctx, job.data, pacer);
      // Rows claimed by a process that may have died: look again once its claim can have expired.
      if (left.sending > 0) await messaging.enqueue(ctx.db, [job.data], settings.claimTimeoutSeconds + 1);
      if (left.queued > 0) throw new Error(`${left.queued} recipients failed transiently; the batch will be retried`);
    });
  }
  running.set(ctx, messaging);
  // The queue stops first (running batches finish), then the transports close.
  app.addHook('onClose', async () => {
    running.delete(ctx);
    await queue.stop();
    await closeTransports(ctx);
  });

  // After a crash or restart: batches with work left get a job (a duplicate job finds nothing to claim).
  const unfinished = await unfinishedBatches(ctx.db);
  if (unfinished.length > 0) {
    await messaging.enqueue(ctx.db, unfinished);
    messaging.wake();
  }
  return messaging;
}
