import { domainEvents } from '../db/schema.ts';
import type { Tx } from '../db/database.ts';
import type { AppContext } from '../context.ts';
import type { DomainEvent, DomainEventMap, DomainEventType } from './event-bus.ts';

export type Emit = <T extends DomainEventType>(siteId: string, type: T, payload: DomainEventMap[T]) => Promise<void>;
/** Many events of one type in one INSERT (a bulk send records a chunk of deliveries at once). */
export type EmitMany = <T extends DomainEventType>(siteId: string, type: T, payloads: Array<DomainEventMap[T]>) => Promise<void>;

/**
 * Runs fn in a transaction; events it emits are stored with the change and published once the
 * transaction has committed (never for a rolled-back change).
 */
export async function inTransaction<T>(ctx: AppContext, fn: (tx: Tx, emit: Emit, emitMany: EmitMany) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const emitMany: EmitMany = async (siteId, type, payloads) => {
      if (payloads.length === 0) return;
      const rows = await tx
        .insert(domainEvents)
        .values(payloads.map((payload) => ({ siteId, type, payload: payload as Record<string, unknown> })))
        .returning({ id: domainEvents.id, createdAt: domainEvents.createdAt });
      // RETURNING lists the rows of a multi-row VALUES in order on PostgreSQL and PGlite.
      rows.forEach((row, i) => pending.push({ id: row.id, siteId, type, payload: payloads[i], createdAt: row.createdAt }));
    };
    const emit: Emit = (siteId, type, payload) => emitMany(siteId, type, [payload]);
    return fn(tx, emit, emitMany);
  });
  for (const event of pending) await ctx.events.publish(event);
  return result;
}
