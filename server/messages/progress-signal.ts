/**
 * "A send's counts changed": raised by whichever process marks recipients, heard by every process
 * that streams that send's progress (message-events.ts), so progress shows from any process without
 * a poll per open stream.
 *
 * On PostgreSQL a signal is a NOTIFY on one channel, and each process keeps one LISTEN connection
 * that fans the notifications out to its streams. On the embedded database (one process) it is an
 * in-process event. Either way signals are coalesced per message (at most one per `COALESCE_MS`), so
 * a bulk send raises a few a second, not one per recipient.
 */
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { AppContext } from '../context.ts';

const CHANNEL = 'memberlink_message_progress';
const COALESCE_MS = 100;
const RECONNECT_MS = 1000;

export interface ProgressSignal {
  /** Call after committing a change to the message's recipient rows. */
  changed(messageId: string): void;
  /** Calls `listener` on every signal for the message; returns the unsubscribe function. */
  subscribe(messageId: string, listener: () => void): () => void;
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, ProgressSignal>();

export function progressSignalOf(ctx: AppContext): ProgressSignal {
  const signal = running.get(ctx);
  if (!signal) throw new Error('Progress signals are not running in this process');
  return signal;
}

export async function startProgressSignal(ctx: AppContext, log: FastifyBaseLogger): Promise<ProgressSignal> {
  const local = new EventEmitter();
  // Every open stream subscribes; many streams of one send are normal.
  local.setMaxListeners(0);
  const pending = new Set<string>();
  let stopped = false;

  const listener = ctx.database.driver === 'postgres' ? await listenForNotifications(ctx.database.url!, log, (id) => local.emit(id), () => stopped) : null;
  const raise = (messageId: string) => {
    if (!listener) return void local.emit(messageId);
    ctx.db.execute(sql`select pg_notify(${CHANNEL}, ${messageId})`).catch((error) => log.warn({ err: error }, 'could not signal send progress'));
  };

  const signal: ProgressSignal = {
    changed(messageId) {
      if (stopped || pending.has(messageId)) return;
      pending.add(messageId);
      setTimeout(() => {
        pending.delete(messageId);
        if (!stopped) raise(messageId);
      }, COALESCE_MS).unref();
    },
    subscribe(messageId, fn) {
      local.on(messageId, fn);
      return () => local.off(messageId, fn);
    },
    async stop() {
      stopped = true;
      running.delete(ctx);
      await listener?.close();
    },
  };
  running.set(ctx, signal);
  return signal;
}

/** One LISTEN connection, reconnected when it drops (streams poll slowly meanwhile). */
async function listenForNotifications(
  url: string,
  log: FastifyBaseLogger,
  deliver: (messageId: string) => void,
  stopped: () => boolean,
): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  const retry = () => {
    if (stopped()) return;
    setTimeout(() => void connect().catch((error) => (log.warn({ err: error }, 'the progress listener could not reconnect'), retry())), RECONNECT_MS).unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => message.payload && deliver(message.payload));
    next.on('error', (error) => {
      log.warn({ err: error }, 'the progress listener lost its connection; reconnecting');
      next.end().catch(() => {});
      if (client === next) client = null;
      retry();
    });
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    client = next;
  };
  await connect();
  return {
    async close() {
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
