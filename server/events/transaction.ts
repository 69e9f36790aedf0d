import { randomUUID } from 'node:crypto';
import { domainEvents } from '../db/schema.ts';
import { insertJsonRows } from '../db/insert-json-rows.ts';
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
      // Ids chosen here, so each inserted row is matched to its payload whatever RETURNING's order.
      const ids = payloads.map(() => randomUUID());
      const rows = await insertJsonRows(
        tx,
        domainEvents,
        payloads.map((payload, i) => ({ id: ids[i], siteId, type, payload: payload as Record<string, unknown> })),
        { id: domainEvents.id, createdAt: domainEvents.createdAt },
      );
      const createdAt = new Map(rows.map((row) => [row.id, row.createdAt]));
      payloads.forEach((payload, i) => pending.push({ id: ids[i], siteId, type, payload, createdAt: createdAt.get(ids[i])! }));
    };
    const emit: Emit = (siteId, type, payload) => emitMany(siteId, type, [payload]);
    return fn(tx, emit, emitMany);
  });
  for (const event of pending) await ctx.events.publish(event);
  return result;
}
