/**
 * Every process, every `SEND_SWEEP_SECONDS` on PostgreSQL: take over the claims of processes whose
 * lease expired (they died), and queue their batches again, in one transaction (the jobs exist only
 * if the take-over commits). With the default lease of 15 s and sweep of 5 s a dead process's
 * recipients are being sent again ~20 s after its last heartbeat. (On the embedded database: once, at
 * start; see server/queue/periodic-sweep.ts.)
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { startPeriodicSweep } from '../queue/periodic-sweep.ts';
import type { Messaging } from './messaging.ts';
import type { ProgressSignal } from './progress-signal.ts';
import { takeOverDeadClaims } from './recipient-claims.ts';

export interface ClaimSweep {
  /** Runs one sweep now; resolves to the batches taken over. */
  sweep(): Promise<number>;
  stop(): void;
}

export async function startClaimSweep(ctx: AppContext, messaging: Messaging, progress: ProgressSignal, log: FastifyBaseLogger): Promise<ClaimSweep> {
  const sweep = async () => {
    const batches = await ctx.db.transaction(async (tx) => {
      const taken = await takeOverDeadClaims(tx);
      if (taken.length > 0) await messaging.enqueue(tx, taken);
      return taken;
    });
    if (batches.length === 0) return 0;
    log.warn({ batches: batches.length }, 'took over the claims of a process that stopped renewing its lease');
    messaging.wake();
    for (const messageId of new Set(batches.map((b) => b.messageId))) progress.changed(messageId);
    return batches.length;
  };
  const periodic = await startPeriodicSweep(ctx, log, 'the claim sweep', sweep);
  return { sweep, stop: periodic.stop };
}
