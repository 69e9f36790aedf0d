import { domainEvents } from '../db/schema.ts';
import type { Tx } from '../db/database.ts';
import type { AppContext } from '../context.ts';
import type { DomainEvent, DomainEventMap, DomainEventType } from './event-bus.ts';

export type Emit = <T extends DomainEventType>(siteId: string, type: T, payload: DomainEventMap[T]) => Promise<void>;

/**
 * Runs fn in a transaction; events it emits are stored with the change and published once the
 * transaction has committed (never for a rolled-back change).
 */
export async function inTransaction<T>(ctx: AppContext, fn: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const emit: Emit = async (siteId, type, payload) => {
      const [row] = await tx
        .insert(domainEvents)
        .values({ siteId, type, payload: payload as Record<string, unknown> })
        .returning({ id: domainEvents.id, createdAt: domainEvents.createdAt });
      pending.push({ id: row.id, siteId, type, payload, createdAt: row.createdAt });
    };
    return fn(tx, emit);
  });
  for (const event of pending) await ctx.events.publish(event);
  return result;
}
