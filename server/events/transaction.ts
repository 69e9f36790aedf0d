import { randomUUID } from 'node:crypto';
import { domainEvents } from '../db/schema.ts';
import { insertJsonRows } from '../db/insert-json-rows.ts';
import type { Tx } from '../db/database.ts';
import type { AppContext } from '../context.ts';
import type { DomainEvent, DomainEventMap, DomainEventType } from './event-bus.ts';

export type Emit = <T extends DomainEventType>(siteId: string, type: T, payload: DomainEventMap[T]) => Promise<void>;
/** Many events of one type in one INSERT (a bulk send records a chunk of deliveries at once). */
export type EmitMany = <T extends DomainEventType>(siteId: string, type: T, payloads: Array<DomainEventMap[T]>) => Promise<void>;

export type DomainEventRow = typeof domainEvents.$inferInsert & { id: string };

/**
 * The `domain_events` rows of these events, under ids chosen here: so each inserted row is matched
 * to its payload whatever RETURNING's order, and a statement that writes only some of them (those
 * whose change held) can say which.
 */
export function domainEventRows<T extends DomainEventType>(siteId: string, type: T, payloads: Array<DomainEventMap[T]>): DomainEventRow[] {
  return payloads.map((payload) => ({ id: randomUUID(), siteId, type, payload: payload as Record<string, unknown> }));
}

/** The event a stored row records, as subscribers receive it. */
export function domainEventOf(row: DomainEventRow, createdAt: Date): DomainEvent {
  return { id: row.id, siteId: row.siteId, type: row.type as DomainEventType, payload: row.payload as DomainEventMap[DomainEventType], createdAt };
}

/** Publishes events whose rows have committed (never call it before: a rolled-back change has no event). */
export async function publishCommitted(ctx: AppContext, events: DomainEvent[]): Promise<void> {
  for (const event of events) await ctx.events.publish(event);
}

/**
 * Runs fn in a transaction; events it emits are stored with the change and published once the
 * transaction has committed (never for a rolled-back change).
 */
export async function inTransaction<T>(ctx: AppContext, fn: (tx: Tx, emit: Emit, emitMany: EmitMany) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const emitMany: EmitMany = async (siteId, type, payloads) => {
      if (payloads.length === 0) return;
      const rows = domainEventRows(siteId, type, payloads);
      const inserted = await insertJsonRows(tx, domainEvents, rows, { id: domainEvents.id, createdAt: domainEvents.createdAt });
      const createdAt = new Map(inserted.map((row) => [row.id, row.createdAt]));
      for (const row of rows) pending.push(domainEventOf(row, createdAt.get(row.id)!));
    };
    const emit: Emit = (siteId, type, payload) => emitMany(siteId, type, [payload]);
    return fn(tx, emit, emitMany);
  });
  await publishCommitted(ctx, pending);
  return result;
}
