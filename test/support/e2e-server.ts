/**
 * The real server for the Chromium suite: the admin app is built first if dist/app is missing or
 * older than its sources, then `server/main.ts` runs as a child process on a temp DATA_DIR and a
 * free port, exactly as `npm start` runs it. Its printed "Admin login:" link is how tests sign in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
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

function waitForOutput(child: ChildProcess, read: () => string, pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = read().match(pattern);
      if (match) {
        cleanup();
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the server exited (${code}) before ${what}:\n${read()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${what} within ${timeoutMs} ms:\n${read()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** No SMTP or SMS provider from the caller's environment: messages must land in the embedded outbox. */
function withoutDeliveryProviders(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(SMTP_|SMS_|TWILIO_)/.test(key)));
}

export async function startE2eServer(options: StartOptions = {}): Promise<E2eServer> {
  await buildAdminAppIfNeeded();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'memberlink-e2e-'));
  const origin = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/support/e2e-clock.ts', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...withoutDeliveryProviders(process.env),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: origin,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DATABASE_URL: '',
      E2E_CLOCK_STEP_MS: String(options.clockStepMs ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const read = () => output;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const [, adminLoginUrl] = await waitForOutput(child, read, /Admin login:\s+(\S+)/, options.startTimeoutMs ?? 90_000, 'admin login link');
    let jumps = 0;
    return {
      port,
      origin,
      memberOrigin: `http://academy.localhost:${port}`,
      adminLoginUrl,
      output: read,
      stop,
      advanceClock: async () => {
        jumps += 1;
        const mark = output.length;
        child.kill('SIGUSR2');
        await waitForOutput(child, () => output.slice(mark), /e2e-clock: \+\d+/, 5_000, `clock jump ${jumps}`);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
