/**
 * The real server for the Chromium suite: the admin app is built first if dist/app is missing or
 * older than its sources, then `server/main.ts` runs as a child process on a temp DATA_DIR and a
 * free port, exactly as `npm start` runs it. Its printed "Admin login:" link is how tests sign in.
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, ROOT, startChildServer, type ChildServer } from './child-server.ts';

export { freePort, ROOT };
const APP_DIR = join(ROOT, 'dist/app');
const APP_SOURCES = ['index.html', 'src/app', 'src/composer', 'src/template', 'vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

function appIsCurrent(): boolean {
  const index = join(APP_DIR, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return APP_SOURCES.every((source) => newestMtime(join(ROOT, source)) <= built);
}

/**
 * `vite build` into a temp folder, then swapped in with renames, so a server (or another suite)
 * reading dist/app never sees a half-written build.
 */
export async function buildAdminAppIfNeeded(): Promise<void> {
  if (appIsCurrent()) return;
  const { build } = await import('vite');
  const outDir = join(ROOT, 'dist', `.app-build-${process.pid}`);
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const old = join(ROOT, 'dist', `.app-old-${process.pid}`);
  if (existsSync(APP_DIR)) renameSync(APP_DIR, old);
  renameSync(outDir, APP_DIR);
  rmSync(old, { recursive: true, force: true });
}

export interface E2eServer {
  port: number;
  /** http://localhost:PORT */
  origin: string;
  /** http://academy.localhost:PORT */
  memberOrigin: string;
  /** The owner's User Link printed at start. */
  adminLoginUrl: string;
  /** Moves the server's clock forward by `clockStepMs` (see e2e-clock.ts). */
  advanceClock: () => Promise<void>;
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** How far each advanceClock() moves the server's clock; 0 leaves the clock alone. */
  clockStepMs?: number;
  startTimeoutMs?: number;
}

/** Resolves with the first match of `pattern` in the output, polling; bounded by `timeoutMs`. */
async function waitForOutput(read: () => string, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startE2eServer(options: StartOptions = {}): Promise<E2eServer> {
  await buildAdminAppIfNeeded();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-e2e-'));
  const origin = `http://localhost:${port}`;
  let server: ChildServer;
  try {
    server = await startChildServer({
      port,
      env: { DATA_DIR: dataDir, SEED_DEMO: 'true', E2E_CLOCK_STEP_MS: String(options.clockStepMs ?? 0) },
      nodeArgs: ['--import', './test/support/e2e-clock.ts'],
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await server.stop(10_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const [, adminLoginUrl] = await waitForOutput(server.output, /Admin login:\s+(\S+)/, 10_000, 'admin login link');
    let jumps = 0;
    return {
      port,
      origin,
      memberOrigin: `http://academy.localhost:${port}`,
      adminLoginUrl,
      output: server.output,
      stop,
      advanceClock: async () => {
        jumps += 1;
        const mark = server.output().length;
        server.child.kill('SIGUSR2');
        await waitForOutput(() => server.output().slice(mark), /e2e-clock: \+\d+/, 5_000, `clock jump ${jumps}`);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
