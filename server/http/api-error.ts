/** An error the API reports to its caller as `{ error: { code, message, field? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

export const invalidField = (field: string, message: string) =>
  new ApiError(400, 'invalid_field', `${field}: ${message}`, field);

export const conflict = (code: string, message: string, field?: string, details?: Record<string, unknown>) =>
  new ApiError(409, code, message, field, details);
