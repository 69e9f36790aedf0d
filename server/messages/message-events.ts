/**
 * Server-sent events for a send's progress: a `progress` event whenever the counts change (read
 * from the database, so progress made by any process shows), then `done` once nothing is left.
 * The counts are read again when a progress signal arrives (progress-signal.ts: NOTIFY on
 * PostgreSQL), and every few seconds regardless, in case a signal was lost with a connection.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { messageCounts, statusOf } from './message-progress.ts';
import { progressSignalOf } from './progress-signal.ts';

/** Reads per stream at most this often, however many signals arrive. */
const MIN_READ_INTERVAL_MS = 200;
/** Without any signal, read again after this long. */
const FALLBACK_READ_MS = 5000;

export async function streamProgress(ctx: AppContext, messageId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  let wakeUp = () => {};
  let signalled = false;
  const unsubscribe = progressSignalOf(ctx).subscribe(messageId, () => {
    signalled = true;
    wakeUp();
  });
  request.raw.on('close', () => {
    closed = true;
    wakeUp();
  });
  const nextSignal = () =>
    new Promise<void>((resolve) => {
      if (signalled || closed) return resolve();
      const timer = setTimeout(resolve, FALLBACK_READ_MS);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let last = '';
  try {
    while (!closed) {
      signalled = false;
      const counts = await messageCounts(ctx.db, messageId);
      const status = statusOf(counts);
      const data = JSON.stringify({ status, counts });
      if (data !== last) {
        out.write(`event: progress\ndata: ${data}\n\n`);
        last = data;
      }
      if (status === 'completed') {
        out.write(`event: done\ndata: ${data}\n\n`);
        break;
      }
      await nextSignal();
      await new Promise((resolve) => setTimeout(resolve, MIN_READ_INTERVAL_MS));
    }
  } finally {
    unsubscribe();
    out.end();
  }
}
