import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkResponse } from '../../../server/http/response-check.ts';

const schema = z.object({ id: z.string(), createdAt: z.date() });

describe('response schema check', () => {
  it('passes a result that matches, Dates included', () => {
    expect(() => checkResponse('GET /api/things', schema, { id: 'a', createdAt: new Date() })).not.toThrow();
  });

  it('fails loudly with the route and the zod issue', () => {
    expect(() => checkResponse('GET /api/things', schema, { id: 1, createdAt: new Date() })).toThrow(
      /Response of GET \/api\/things does not match its response schema: id: Invalid input: expected string, received number/,
    );
  });
});
