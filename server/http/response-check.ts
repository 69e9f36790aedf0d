/**
 * Holds handlers to their declared `response` schema. On in tests (CHECK_RESPONSE_SCHEMAS=true,
 * set by test/support/test-app.ts), off in production: a mismatch is a programming error that
 * must fail loudly where it is made, not a client's problem at run time.
 */
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Throws, naming the route and the first zod issues, when the handler's `result` fails `schema`
 * (checked before serialisation: schemas describe Dates as dates, sent as ISO strings). */
export function checkResponse(route: string, schema: z.ZodType, result: unknown): void {
  const parsed = schema.safeParse(result);
  if (parsed.success) return;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  // An ApiError so the test sees the route and the issues in the body, not a generic 500.
  throw new ApiError(500, 'response_schema_mismatch', `Response of ${route} does not match its response schema: ${issues.join('; ')}`);
}
