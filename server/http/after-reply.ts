/**
 * Work that runs after the reply has gone out, so a response takes the same time whatever the
 * work would have found (login-link emails: members, non-members and unknown addresses alike).
 * Not durable: a process that dies in between loses the email, and the person asks again.
 * Errors are logged with the job's name and the error's message only — never the request, its
 * body or a link.
 */
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';

/** Unfinished work per running app, so closing the app waits for it (tests, shutdown). */
const running = new WeakMap<AppContext, Set<Promise<void>>>();

export function runAfterReply(
  ctx: AppContext,
  reply: FastifyReply,
  job: string,
  work: () => Promise<void>,
): void {
  const log: FastifyBaseLogger = reply.log;
  let set = running.get(ctx);
  if (!set) running.set(ctx, (set = new Set()));
  const jobs = set;
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  jobs.add(done);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setImmediate(() => {
      work()
        .catch((error: unknown) => {
          const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
          log.error({ job, error: message.replace(/token=[^\s&"']+/gi, 'token=[redacted]') }, 'work after reply failed');
        })
        .finally(() => {
          jobs.delete(done);
          release();
        });
    });
  };
  // After the last byte of the response: nothing the work does can change its timing.
  if (reply.raw.writableFinished) start();
  else reply.raw.once('finish', start);
  // A client that hangs up early still gets its email.
  reply.raw.once('close', start);
}

/** Resolves once every piece of work queued so far (and any it queued) has finished. */
export async function settleAfterReplyWork(ctx: AppContext): Promise<void> {
  for (let set = running.get(ctx); set && set.size > 0; set = running.get(ctx)) await Promise.all([...set]);
}
