/**
 * One embedded database (DATA_DIR without DATABASE_URL) belongs to one process: two real server
 * processes on one DATA_DIR, and the second refuses to start, names the owner's pid and says what to
 * do instead, while the first keeps serving. A lock left by a killed process does not block the next
 * start. PGlite only: the lock is the embedded database's (PostgreSQL serves many processes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startChildServer, type ChildServer } from '../support/child-server.ts';

/** A server process starts (tsx, migrations) within this on a busy machine. */
const STARTS_WITHIN_MS = 120_000;

const health = async (port: number) =>
  (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) })).json();

describe('the embedded database and a second process', () => {
  const dataDirs: string[] = [];
  const running: ChildServer[] = [];
  /** Each test has its own DATA_DIR, so they pass in any order. */
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'memberlink-lock-'));
    dataDirs.push(dir);
    return dir;
  };
  const start = async (dataDir: string) => {
    const server = await startChildServer({ port: await freePort(), env: { DATA_DIR: dataDir, DATABASE_URL: '' }, startTimeoutMs: STARTS_WITHIN_MS });
    running.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('refuses a second server on the same DATA_DIR, naming the owner, and the first keeps serving', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const refused = await start(dataDir).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited \(1\) before it started/);
    expect(refused).toContain(`The embedded database in ${join(dataDir, 'pglite')} is in use by process ${first.child.pid}`);
    expect(refused).toContain('set DATABASE_URL');
    expect(await health(first.port)).toEqual({ ok: true, database: 'pglite' });
  }, STARTS_WITHIN_MS * 2 + 10_000);

  it('starts over a lock left by a killed process', async () => {
    const dataDir = newDataDir();
    const killed = await start(dataDir);
    await killed.kill(); // SIGKILL: no exit hook removes the lock file
    expect(readFileSync(join(dataDir, 'pglite', '.memberlink.lock'), 'utf8')).toBe(String(killed.child.pid));
    const next = await start(dataDir);
    expect(await health(next.port)).toEqual({ ok: true, database: 'pglite' });
  }, STARTS_WITHIN_MS * 2 + 10_000);
});
