/**
 * `npm start` as a new user runs it: a child process on a fresh embedded database seeds the demo
 * site, prints the admin URL and an API key that works, serves /healthz and the member site; a
 * second start over the same data migrates idempotently and keeps the data. Started on a port of
 * its own with nothing configured, every printed link uses that port and works, the CLI prints a
 * fresh sign-in link while the server runs, and a terminal gets one readable line per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../support/http-client.ts';
import { freePort, runCli, startChildServer, type ChildServer } from '../support/child-server.ts';
import { signInWithUserLink } from '../support/staff-sign-in.ts';

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

describe('npm start on a port of its own, with nothing configured', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-port-'));
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints links on that port that work, gives a way back in without email, and logs one readable line per request', async () => {
    const port = await freePort();
    // No PUBLIC_URL: it must follow PORT. LOG_FORMAT=human is what a terminal gets.
    server = await startChildServer({
      port,
      env: { DATA_DIR: dataDir, SEED_DEMO: 'true', PUBLIC_URL: '', LOG_LEVEL: 'info', LOG_FORMAT: 'human' },
    });
    const printed = server.output();
    const urls = [...printed.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => new URL(m[0]));
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(url.port, url.href).toBe(String(port));

    // The printed admin login link signs the owner in.
    const adminLogin = /Admin login:\s+(\S+)/.exec(printed)![1];
    const cookie = await signInWithUserLink(adminLogin);
    const me = await httpRequest(port, { host: `localhost:${port}`, path: '/api/sites', headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).sites.map((s: { subdomain: string }) => s.subdomain)).toContain('academy');
    // …and says how to get back in once it has expired, since no SMTP is configured.
    expect(printed).toContain('npm run cli -- login-link --site academy');
    const options = await httpRequest(port, { host: `localhost:${port}`, path: '/api/auth/sign-in-options' });
    expect(JSON.parse(options.body)).toMatchObject({ emailDelivery: 'outbox', cliLoginLink: expect.stringContaining('login-link') });

    // The demo member site is where the printout says.
    const demo = new URL(/Demo site:\s+(\S+)/.exec(printed)![1]);
    const member = await httpRequest(port, { host: demo.host, path: '/' });
    expect(member.status).toBe(200);
    expect(member.body).toContain('Acme Academy');

    // The CLI, while the server holds the embedded database, asks the server for a fresh link.
    const cli = await runCli(['login-link', '--site', 'academy'], { DATA_DIR: dataDir, PORT: String(port) });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const fresh = /(http:\/\/\S+\/login\?token=\S+)/.exec(cli.stdout)![1];
    expect(new URL(fresh).port).toBe(String(port));
    expect(cli.stdout).toContain('owner@academy.example');
    const again = await signInWithUserLink(fresh);
    expect((await httpRequest(port, { host: `localhost:${port}`, path: '/api/sites', headers: { cookie: again } })).status).toBe(200);
    // An unknown staff address is refused by name.
    const unknown = await runCli(['login-link', '--site', 'academy', '--email', 'nobody@example.com'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No staff member nobody@example.com');

    // One short line per request, no JSON, tokens redacted.
    const log = server.output().slice(printed.length);
    const requestLines = log.split('\n').filter((line) => /^\d\d:\d\d:\d\d {2}(GET|POST) /.test(line));
    expect(requestLines.some((line) => /GET \/api\/sites {2}200 {2}\d+ ms$/.test(line))).toBe(true);
    expect(requestLines.some((line) => line.includes('/login?token=[redacted]'))).toBe(true);
    expect(log).not.toContain('{"level"');
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  }, 180_000);
});
