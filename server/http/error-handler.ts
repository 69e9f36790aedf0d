import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ApiError } from './api-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; issues?: { field: string; message: string }[] } & Record<
    string,
    unknown
  >;
}

export function zodErrorBody(error: ZodError, location: string): ErrorBody {
  const issues = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : location,
    message: issue.message,
  }));
  const first = issues[0];
  return {
    error: { code: 'invalid_field', message: `${first.field}: ${first.message}`, field: first.field, issues },
  };
}

/** Unique-constraint violations that reach the handler are reported as conflicts on their field. */
function uniqueViolationField(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : undefined;
  if (!pgError) return undefined;
  if (pgError.constraint?.includes('subdomain')) return 'subdomain';
  if (pgError.constraint?.includes('email')) return 'email';
  return 'id';
}

/** Every error leaves as the documented JSON shape; never a stack trace. */
export function installErrorHandler(
  app: FastifyInstance,
  notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  app.setErrorHandler((error: FastifyError | ApiError | ZodError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, ...(error.field && { field: error.field }), ...error.details },
      });
    }
    if (error instanceof ZodError) return reply.status(400).send(zodErrorBody(error, 'body'));
    const duplicate = uniqueViolationField(error);
    if (duplicate) {
      return reply
        .status(409)
        .send({ error: { code: 'already_exists', message: `${duplicate}: already in use`, field: duplicate } });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const code = (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : 'bad_request';
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
  app.setNotFoundHandler(
    (request, reply) =>
      notFound?.(request, reply) ??
      reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
