/**
 * `npm start` as a new user runs it: a child process on a fresh embedded database seeds the demo
 * site, prints the admin URL and an API key that works, serves /healthz and the member site; a
 * second start over the same data migrates idempotently and keeps the data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../support/http-client.ts';
import { freePort, startChildServer, type ChildServer } from '../support/child-server.ts';

/** GET with the key `npm start` printed (not the test's bootstrap key). */
const getWithKey = (port: number, path: string, key: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(10_000) });

describe('npm start on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-start-'));
  const running: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo site, prints a working API key and serves health, API and member site; restarts cleanly', async () => {
    const port = await freePort();
    const start = async () => {
      const server = await startChildServer({ port, env: { DATA_DIR: dataDir, SEED_DEMO: 'true' } });
      running.push(server);
      return server;
    };
    const first = await start();
    expect(first.output()).toContain(`Admin app:      http://localhost:${port}/`);
    expect(first.output()).toContain('seeded just now');
    expect(first.output()).toMatch(/Admin login:\s+http:\/\/localhost:\d+\/login\?token=/);
    const key = /API key:\s+(\S+)/.exec(first.output())![1];

    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(await health.json()).toEqual({ ok: true, database: 'pglite' });
    const site = await getWithKey(port, '/api/sites/academy', key);
    expect(site.status).toBe(200);
    expect(await site.json()).toMatchObject({ subdomain: 'academy', detailsComplete: true });
    expect((await (await getWithKey(port, '/api/sites/academy/contacts', key)).json()).total).toBe(3);
    const member = await httpRequest(port, { host: `academy.localhost:${port}`, path: '/' });
    expect(member.status).toBe(200);
    expect(member.body).toContain('Acme Academy');
    await first.stop();

    const second = await start();
    expect(second.output()).toContain('seeded earlier');
    const newKey = /API key:\s+(\S+)/.exec(second.output())![1];
    expect((await (await getWithKey(port, '/api/sites/academy/contacts', newKey)).json()).total).toBe(3);
    // The previous start's console key was replaced.
    expect((await getWithKey(port, '/api/sites/academy', key)).status).toBe(401);
  }, 180_000);
});
