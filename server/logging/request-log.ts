/**
 * One line per request for a person at a terminal: fastify's own "incoming request" and
 * "request completed" pair becomes a single record written when the response is done, with the
 * URL redacted like every logged URL.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { redactUrl } from '../http/redact.ts';

export class OneLinePerRequest extends LogController {
  /** `memberHost(request)` names the member site a request was for, so its line says which. */
  constructor(private readonly memberHost: (request: FastifyRequest) => string | undefined) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const url = (this.memberHost(request) ?? '') + redactUrl(request.originalUrl);
    const line = { request: { method: request.method, url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) } };
    if (error) reply.log.error({ ...line, err: error });
    else reply.log.info(line);
  }
}
