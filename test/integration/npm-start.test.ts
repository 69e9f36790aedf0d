/**
 * `npm start` as a new user runs it: a child process on a fresh embedded database seeds the demo
 * site, prints the admin URL and an API key that works, serves /healthz and the member site; a
 * second start over the same data migrates idempotently and keeps the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../support/http-client.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Started {
  child: ChildProcess;
  output: string;
}

async function start(dataDir: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Started = { child, output: '' };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not started in 60 s:\n${started.output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      started.output += chunk.toString();
      if (/API key:\s+\S+/.test(started.output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${started.output}`));
    });
  });
  return started;
}

async function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}


describe('npm start on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-start-'));
  const running: Started[] = [];
  afterAll(async () => {
    await Promise.all(running.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo site, prints a working API key and serves health, API and member site; restarts cleanly', async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    running.push(first);
    expect(first.output).toContain(`Admin app:      http://localhost:${port}/`);
    expect(first.output).toContain('seeded just now');
    const key = /API key:\s+(\S+)/.exec(first.output)![1];

    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(await health.json()).toEqual({ ok: true, database: 'pglite' });

    const site = await fetch(`http://127.0.0.1:${port}/api/sites/academy`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(site.status).toBe(200);
    expect(await site.json()).toMatchObject({ subdomain: 'academy', detailsComplete: true });
    const contacts = await fetch(`http://127.0.0.1:${port}/api/sites/academy/contacts`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect((await contacts.json()).total).toBe(3);

    const member = await httpRequest(port, { host: `academy.localhost:${port}`, path: '/' });
    expect(member.status).toBe(200);
    expect(member.body).toContain('Acme Academy');
    await stop(first);

    const second = await start(dataDir, port);
    running.push(second);
    expect(second.output).toContain('seeded earlier');
    const newKey = /API key:\s+(\S+)/.exec(second.output)![1];
    const again = await fetch(`http://127.0.0.1:${port}/api/sites/academy/contacts`, {
      headers: { authorization: `Bearer ${newKey}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect((await again.json()).total).toBe(3);
    // The previous start's console key was replaced.
    const stale = await fetch(`http://127.0.0.1:${port}/api/sites/academy`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(stale.status).toBe(401);
  }, 120_000);
});
