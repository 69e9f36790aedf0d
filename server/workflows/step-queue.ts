/**
 * The durable queue workflow steps run on: pg-boss jobs in the same pg-boss schema the send queue
 * (server/messages/messaging.ts) installs and maintains. A step is one job; a Wait is a job with
 * `startAfter`, stored in the database, so it survives a restart and runs on whichever process
 * is alive when it is due. A step's next job is inserted in the transaction that records the step,
 * so a crash can't leave a run with no job to continue it.
 *
 * ADAPTER: messaging.ts does not expose its PgBoss instance, so this attaches a client-only handle
 * to the same queue tables: no pool of its own (its SQL goes through ctx.database.sql), no
 * migrations (it only checks the schema messaging installed), no supervisor or scheduler (that
 * maintenance stays with the send queue's instance). Once messaging exports its instance, only
 * `attachBoss` changes.
 */
import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';

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

const JOB_OPTIONS = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

function attachBoss(ctx: AppContext): PgBoss {
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => ctx.database.sql.query(text, values) },
    migrate: false,
    supervise: false,
    schedule: false,
  });
}

/**
 * pg-boss's SQL run on the connection behind `db` — inside its transaction when `db` is one — with
 * pg-boss's own `$n` parameters (it reuses one parameter in several typed positions, so the text
 * and values must reach the driver unchanged). Both drivers' sessions hold a client with query().
 */
function executorOf(db: DbOrTx) {
  const client = (db as unknown as { session: { client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } } }).session.client;
  return { executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await client.query(text, values)).rows }) };
}

export async function startStepQueue(
  app: FastifyInstance,
  ctx: AppContext,
  runStep: (job: StepJob, queue: StepQueue) => Promise<void>,
): Promise<StepQueue> {
  const boss = attachBoss(ctx);
  boss.on('error', (error) => app.log.error({ err: error }, 'workflow queue error'));
  await boss.start();
  await boss.createQueue(STEP_QUEUE, { name: STEP_QUEUE, ...JOB_OPTIONS });

  let workerId = '';
  const queue: StepQueue = {
    async send(db, job, startAfterSeconds) {
      await boss.send(STEP_QUEUE, job, {
        ...JOB_OPTIONS,
        ...(startAfterSeconds && { startAfter: Math.ceil(startAfterSeconds) }),
        db: executorOf(db),
      });
    },
    wake() {
      if (workerId) boss.notifyWorker(workerId);
    },
  };
  workerId = await boss.work<StepJob>(STEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: ctx.config.delivery.pollSeconds }, async ([job]) => {
    await runStep(job.data, queue);
  });
  app.addHook('onClose', () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }));
  return queue;
}
