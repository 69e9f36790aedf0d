/**
 * A NUL byte can't be stored in PostgreSQL text and is never part of an honest request: one in a
 * path parameter, query or body answers 400 naming where it was, before any handler (or the
 * database, which would answer 500 and log the query parameters) sees it.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

/** The path of the first string holding a NUL byte (keys included), or null. */
export function nulBytePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // Binary bodies (an uploaded image) are bytes, not text: NUL is an ordinary byte there.
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key.includes('\u0000')) return childPath;
    const found = nulBytePath(child, childPath);
    if (found) return found;
  }
  return null;
}

export function refuseNulBytes(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const where =
      nulBytePath(request.params, 'params') ?? nulBytePath(request.query, 'query') ?? nulBytePath(request.body, 'body');
    if (where) {
      const field = where.replace(/^(params|query|body)\.?/, '') || where;
      throw new ApiError(400, 'invalid_field', `${field}: contains a NUL character, which no field may hold`, field);
    }
  });
}
