/**
 * The test-support helpers fail where setup fails: a setup request with an unexpected status
 * throws naming the request, the status and the body, and a wait that runs out names what it
 * waited for — so a broken step is reported as itself.
 */
import fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOk, okBody } from '../../support/fixtures.ts';
import { waitFor } from '../../support/polling.ts';

describe('setup helpers', () => {
  const app = fastify();
  app.post('/api/things', async (request, reply) =>
    (request.body as { name?: string }).name ? reply.status(201).send({ id: 't1' }) : reply.status(400).send({ error: { field: 'name' } }),
  );
  app.delete('/api/things/t1', async (_request, reply) => reply.status(204).send());
  const t = {
    api: (method: 'POST' | 'DELETE', url: string, body?: unknown) =>
      app.inject({ method, url, ...(body !== undefined && { payload: body as object }) }),
  };
  beforeAll(() => app.ready());
  afterAll(() => app.close());

  it('returns the body of an expected status, nothing for a 204', async () => {
    expect(await apiOk(t, 'POST', '/api/things', { name: 'x' }, 201)).toEqual({ id: 't1' });
    expect(await apiOk(t, 'DELETE', '/api/things/t1')).toBeUndefined();
  });

  it('throws naming the route, the status, what was expected and the body', async () => {
    await expect(apiOk(t, 'POST', '/api/things', {}, 201)).rejects.toThrow(
      'setup failed: POST /api/things answered 400 (expected 201): {"error":{"field":"name"}}',
    );
    const refused = await app.inject({ method: 'POST', url: '/api/things', payload: {} });
    expect(() => okBody(refused, [200, 201])).toThrow('setup failed: POST /api/things answered 400 (expected 200/201)');
  });

  it('waitFor returns the first truthy value, or throws naming what it waited for', async () => {
    let calls = 0;
    expect(await waitFor(() => (++calls >= 3 ? 'ready' : null), { interval: 1 })).toBe('ready');
    expect(calls).toBe(3);
    await expect(waitFor(() => false, { timeout: 20, interval: 5, what: 'the queue to drain' })).rejects.toThrow(
      'timed out after 20 ms waiting for the queue to drain',
    );
  });
});
