/**
 * The one owner of pg-boss (10) in a server process: sends (server/messages/messaging.ts) and
 * workflow steps (server/workflows/step-queue.ts) are queues on this instance. Every process runs
 * one; jobs are shared through the database, so any live process works any job.
 *
 * `send(db, …)` joins the caller's transaction when `db` is one: the job exists only if that
 * transaction commits (pg-boss's per-send `db` option, fed by drizzle's public `execute`).
 */
import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import { drizzleExecutor } from './drizzle-executor.ts';

export interface JobOptions {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

export interface Queue {
  /** Declares a queue (idempotent; every process declares the queues it works). */
  declare(name: string, options: JobOptions): Promise<void>;
  /**
   * Queues jobs (one per element of `jobs`) after `startAfterSeconds`, inside `db`'s transaction when
   * `db` is one: they exist only if it commits. Call `wake` after the commit to start them at once.
   */
  send(db: DbOrTx, name: string, jobs: object[], startAfterSeconds?: number): Promise<void>;
  /** Runs `handler` for each job of `name`, one job at a time per worker; returns the worker's id. */
  work<T extends object>(name: string, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>): Promise<string>;
  /** Looks for due jobs of `name` now instead of at the next poll (call after committing a send). */
  wake(name: string): void;
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, Queue>();

/** Serialises queue declarations across the processes sharing one PostgreSQL database. */
const DECLARE_LOCK_ID = 724_301_956;

export function queueOf(ctx: AppContext): Queue {
  const queue = running.get(ctx);
  if (!queue) throw new Error('The job queue is not running in this process');
  return queue;
}

function bossConnection(database: Database): PgBoss.ConstructorOptions {
  if (database.driver === 'postgres') return { connectionString: database.url, max: 3 };
  // One embedded client: pg-boss's SQL (its schema is one parameterless multi-statement script) goes through it.
  return {
    db: {
      executeSql: (text: string, values?: unknown[]) =>
        values && values.length > 0 ? database.sql.query(text, values) : database.sql.script(text),
    },
  };
}

export async function startQueue(app: FastifyInstance, ctx: AppContext): Promise<Queue> {
  const boss = new PgBoss({ ...bossConnection(ctx.database), schedule: false, supervise: true, migrate: true });
  boss.on('error', (error) => app.log.error({ err: error }, 'job queue error'));
  await boss.start();
  const options = new Map<string, JobOptions>();
  const workers = new Map<string, string[]>();
  const optionsOf = (name: string) => {
    const found = options.get(name);
    if (!found) throw new Error(`Queue ${name} was not declared`);
    return found;
  };

  const queue: Queue = {
    async declare(name, jobOptions) {
      options.set(name, jobOptions);
      // pg-boss's create_queue is not safe against itself: processes starting together on a new
      // database deadlock creating one queue's partition (seen with three at once). One at a time.
      await ctx.database.exclusive(DECLARE_LOCK_ID, () => boss.createQueue(name, { name, ...jobOptions }));
    },
    async send(db, name, jobs, startAfterSeconds) {
      const jobOptions = optionsOf(name);
      const startAfter = startAfterSeconds ? new Date(Date.now() + startAfterSeconds * 1000) : undefined;
      const executor = drizzleExecutor(db);
      for (let i = 0; i < jobs.length; i += 500) {
        const chunk = jobs.slice(i, i + 500).map((data) => ({ name, data, ...jobOptions, ...(startAfter && { startAfter }) }));
        await boss.insert(chunk, { db: executor });
      }
    },
    async work<T extends object>(name: string, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>) {
      const pollingIntervalSeconds = ctx.config.delivery.pollSeconds;
      const id: string = await boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
        await handler(job);
        // More jobs are likely waiting: look again at once instead of after the polling interval.
        boss.notifyWorker(id);
      });
      workers.set(name, [...(workers.get(name) ?? []), id]);
      return id;
    },
    wake(name) {
      for (const id of workers.get(name) ?? []) boss.notifyWorker(id);
    },
    async stop() {
      running.delete(ctx);
      // Lets running jobs finish (they may still need the database and transports).
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
  running.set(ctx, queue);
  return queue;
}
