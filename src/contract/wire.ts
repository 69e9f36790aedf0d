/**
 * How a schema's value travels over JSON: a response's Dates arrive as ISO strings. The admin app
 * types what it receives as `Wire<z.output<typeof schema>>` and what it sends as
 * `z.input<typeof schema>` (`import type` only: zod stays out of the app's bundle).
 */
import type { z } from 'zod';

export type IsoDate = string;

export type Wire<T> = T extends Date
  ? IsoDate
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** What the API answers for a response schema, as the app receives it. */
export type ApiResponse<S extends z.ZodType> = Wire<z.output<S>>;

/** What the API accepts for a body schema, as the app sends it. */
export type ApiRequest<S extends z.ZodType> = z.input<S>;
