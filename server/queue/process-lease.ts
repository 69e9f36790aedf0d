/**
 * This process's lease: one row in process_leases that says "I am alive until …". Claims on work
 * (message_recipients.claimed_by) name it. On PostgreSQL a heartbeat renews it every third of the
 * lease, so a process that dies stops renewing and its lease expires `leaseSeconds` after its last
 * heartbeat; the sweep of any other process then takes its claims over. The database's clock decides.
 *
 * On the embedded database only one process can run, so every older lease is dead at start: they
 * are dropped then, and this process's lease never expires (no heartbeat, no timers).
 */
import { randomUUID } from 'node:crypto';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { processLeases } from '../db/schema.ts';

export interface ProcessLease {
  /** The id claims made by this process carry. */
  readonly id: string;
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, ProcessLease>();

/** True when the claim in `claimedBy` (a lease id column) is held by no live process: its lease expired, or was swept. */
export const heldByNoLiveProcess = (claimedBy: AnyColumn): SQL =>
  sql`not exists (select 1 from ${processLeases} where ${processLeases.id} = ${claimedBy} and ${processLeases.expiresAt} > now())`;

export function processLeaseOf(ctx: AppContext): ProcessLease {
  const lease = running.get(ctx);
  if (!lease) throw new Error('This process holds no lease (the queue is not running)');
  return lease;
}

export async function startProcessLease(ctx: AppContext, log: FastifyBaseLogger): Promise<ProcessLease> {
  const id = randomUUID();
  const seconds = ctx.config.delivery.leaseSeconds;
  const renew = () =>
    ctx.db
      .insert(processLeases)
      .values({ id, expiresAt: sql`now() + make_interval(secs => ${seconds})` })
      // A process that paused past its lease finds its row swept: it comes back with a new lease
      // (its old claims are already someone else's; marking them fails, see recipient-claims.ts).
      .onConflictDoUpdate({ target: processLeases.id, set: { expiresAt: sql`now() + make_interval(secs => ${seconds})` } });

  let timer: NodeJS.Timeout | undefined;
  if (ctx.database.driver === 'pglite') {
    await ctx.db.delete(processLeases);
    await ctx.db.insert(processLeases).values({ id, expiresAt: sql`'infinity'::timestamptz` });
  } else {
    await renew();
    let renewing = false;
    timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      renew()
        .catch((error) => log.error({ err: error }, 'could not renew the process lease'))
        .finally(() => (renewing = false));
    }, (seconds * 1000) / 3);
    timer.unref();
  }

  const lease: ProcessLease = {
    id,
    async stop() {
      clearInterval(timer);
      running.delete(ctx);
      // A clean stop frees its (finished) claims at once rather than after the lease.
      await ctx.db.delete(processLeases).where(sql`${processLeases.id} = ${id}`);
    },
  };
  running.set(ctx, lease);
  return lease;
}
