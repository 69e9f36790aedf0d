/**
 * Server-sent events for a send's progress: a `progress` event whenever the counts change (read
 * from the database, so progress made by any process shows), then `done` once nothing is left.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { messageCounts, statusOf } from './message-progress.ts';

const POLL_MS = 250;

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
  request.raw.on('close', () => (closed = true));
  let last = '';
  while (!closed) {
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
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  out.end();
}
