/**
 * `npm run cli` beyond the sign-in link (npm-start.test.ts has that): `api-key create` while the
 * server holds the embedded database (the CLI asks it over the operator socket) prints a key that
 * works against that server and is named as asked; a wrong call prints the usage and exits 2; an
 * unknown site exits 1 naming it. Embedded database only: that is where the CLI must go through
 * the running server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, startChildServer, type ChildServer } from '../support/child-server.ts';

describe('npm run cli', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-cli-'));
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('prints the usage and exits 2 for a command it does not know', async () => {
    const wrong = await runCli(['api-key', 'destroy', '--site', 'academy'], { DATA_DIR: dataDir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('npm run cli -- login-link --site <subdomain or id>');
    expect(wrong.stdout).toBe('');
  }, 60_000);

  it('creates an API key through the running server, and the key works there', async () => {
    const port = await freePort();
    server = await startChildServer({ port, env: { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'true' }, startTimeoutMs: 120_000 });
    const created = await runCli(['api-key', 'create', '--site', 'academy', '--name', 'deploy bot'], { DATA_DIR: dataDir, PORT: String(port) });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^\S{20,}$/);
    const sites = await fetch(`http://127.0.0.1:${port}/api/sites/academy`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(10_000) });
    expect(sites.status).toBe(200);
    const site = await sites.json();
    expect(site).toMatchObject({ subdomain: 'academy' });
    const keys = await server.api('GET', `/api/sites/${site.id}/api-keys`);
    expect(keys.status).toBe(200);
    expect(keys.text).toContain('deploy bot');

    const unknown = await runCli(['api-key', 'create', '--site', 'no-such-school'], { DATA_DIR: dataDir, PORT: String(port) });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No site "no-such-school"');
  }, 240_000);
});
