/**
 * The send queue (pg-boss 10): one job per batch of recipients. Every server process runs a
 * worker; jobs are shared through the database. On PGlite pg-boss runs over the one embedded
 * client (`db.executeSql`); on PostgreSQL it gets its own small pool.
 *
 * Exactly once per recipient comes from the recipient rows (see recipient-claims.ts), not from
 * the queue: a job may run twice (a retry, a recovered batch) and sends only what is unsent.
 */
import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { closeTransports } from '../delivery/transports.ts';
import { SitePacer } from '../delivery/site-pacer.ts';
import { unfinishedBatches } from './recipient-claims.ts';
import { sendBatch, type BatchJob } from './send-batch.ts';

export const BATCH_QUEUE = 'message-batch';

export interface Messaging {
  /** Queues batch jobs; `startAfterSeconds` delays them (a re-check of rows another process holds). */
  enqueue(jobs: BatchJob[], startAfterSeconds?: number): Promise<void>;
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, Messaging>();

export function messagingOf(ctx: AppContext): Messaging {
  const messaging = running.get(ctx);
  if (!messaging) throw new Error('The send queue is not running in this process');
  return messaging;
}

interface PgliteLike {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<Array<{ rows: unknown[] }>>;
}

function bossConnection(ctx: AppContext): PgBoss.ConstructorOptions {
  const client = (ctx.db as unknown as { $client: unknown }).$client;
  if (ctx.database.driver === 'postgres') {
    const { connectionString } = (client as { options: { connectionString: string } }).options;
    return { connectionString, max: 3 };
  }
  const pglite = client as PgliteLike;
  return {
    db: {
      // pg-boss sends its schema as one multi-statement script without parameters: `exec` runs it.
      executeSql: async (text: string, values?: unknown[]) =>
        values && values.length > 0 ? pglite.query(text, values) : { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] },
    },
  };
}

export async function startMessaging(app: FastifyInstance, ctx: AppContext): Promise<Messaging> {
  const settings = ctx.config.delivery;
  const jobOptions = {
    retryLimit: settings.maxAttempts + 2,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.claimTimeoutSeconds + 60,
  };
  const boss = new PgBoss({ ...bossConnection(ctx), schedule: false, supervise: true, migrate: true });
  boss.on('error', (error) => app.log.error({ err: error }, 'send queue error'));
  await boss.start();
  await boss.createQueue(BATCH_QUEUE, { name: BATCH_QUEUE, ...jobOptions });

  const messaging: Messaging = {
    async enqueue(jobs, startAfterSeconds) {
      const startAfter = startAfterSeconds ? new Date(Date.now() + startAfterSeconds * 1000) : undefined;
      for (let i = 0; i < jobs.length; i += 500) {
        await boss.insert(jobs.slice(i, i + 500).map((data) => ({ name: BATCH_QUEUE, data, ...jobOptions, ...(startAfter && { startAfter }) })));
      }
      if (!startAfter) for (const id of workerIds) boss.notifyWorker(id);
    },
    async stop() {
      running.delete(ctx);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await closeTransports(ctx);
    },
  };

  const pacer = new SitePacer(settings.ratePerSite);
  // Several workers, so one batch renders while another writes (each takes one job at a time).
  const workerIds: string[] = [];
  for (let i = 0; i < settings.workers; i++) {
    const workerId: string = await boss.work<BatchJob>(
      BATCH_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: settings.pollSeconds },
      async ([job]) => {
        const left = await sendBatch(ctx, job.data, pacer);
        // More batches are likely waiting: look again at once instead of after the polling interval.
        boss.notifyWorker(workerId);
        // Rows claimed by a process that may have died: look again once its claim can have expired.
        if (left.sending > 0) await messaging.enqueue([job.data], settings.claimTimeoutSeconds + 1);
        if (left.queued > 0) throw new Error(`${left.queued} recipients failed transiently; the batch will be retried`);
      },
    );
    workerIds.push(workerId);
  }
  running.set(ctx, messaging);
  app.addHook('onClose', () => messaging.stop());

  // After a crash or restart: batches with work left get a job (a duplicate job finds nothing to claim).
  const unfinished = await unfinishedBatches(ctx.db);
  if (unfinished.length > 0) await messaging.enqueue(unfinished);
  return messaging;
}
