/**
 * The rhythm of the sweeps that take over a dead process's work (its claims on recipients, on
 * workflow steps): once at start, then on PostgreSQL every `SEND_SWEEP_SECONDS`, never two of one
 * kind at once. On the embedded database only the start's sweep runs: the only other process that
 * ever held claims there is the previous run of this one.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';

export interface PeriodicSweep {
  stop(): void;
}

/** `what` names the sweep in the log when it fails. Resolves after the start's sweep. */
export async function startPeriodicSweep(
  ctx: AppContext,
  log: FastifyBaseLogger,
  what: string,
  sweep: () => Promise<unknown>,
): Promise<PeriodicSweep> {
  await sweep();
  if (ctx.database.driver !== 'postgres') return { stop: () => {} };
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((error) => log.error({ err: error }, `${what} failed`))
      .finally(() => (sweeping = false));
  }, ctx.config.delivery.sweepSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
