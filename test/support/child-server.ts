/**
 * The real server as a child process (`node --import tsx server/main.ts`, as `npm start` runs it)
 * on a given DATA_DIR / DATABASE_URL and a free port, for tests that restart or kill it. Talks
 * to it over real HTTP on 127.0.0.1 with a bootstrap operator key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const CHILD_API_KEY = 'child-server-bootstrap-key-0123456789';
export const CHILD_MASTER_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

/** A port nobody listens on right now, on loopback. */
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

export interface ChildServer {
  child: ChildProcess;
  port: number;
  output(): string;
  /** JSON over HTTP with the bootstrap key; bounded in time. */
  api(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; json: any; text: string }>;
  /** SIGKILL: no shutdown hook runs, nothing is flushed or released. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: the queue stops, the database closes); SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Without the caller's SMTP / Twilio settings: deliveries go to the embedded outbox. */
function baseEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SMTP_|SMS_|TWILIO_|SEND_|DATABASE_URL$)/.test(key)));
}

export interface ChildServerOptions {
  port: number;
  /** Added to (or, with '', removed from) the defaults above. */
  env: Record<string, string>;
  /** Extra node flags before the entry point (e.g. an `--import` preload). */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const { port } = options;
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MEMBERLINK_API_KEY: CHILD_API_KEY,
    MEMBERLINK_MASTER_KEY: CHILD_MASTER_KEY,
    ...options.env,
  };
  // An empty value in options.env means "leave it unset", as on a machine that never set it.
  for (const [key, value] of Object.entries(env)) if (value === '') delete env[key];
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;

  const server: ChildServer = {
    child,
    port,
    output: () => output,
    async api(method, path, body, contentType = 'application/json') {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${CHILD_API_KEY}`, ...(body !== undefined && { 'content-type': contentType }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, json, text };
    },
    async kill() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 15_000) {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };

  // Ready once it printed where it runs (after listen).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the server did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 60_000);
    const check = () => {
      if (/memberlink is running on/.test(output)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the server exited (${code}) before it started:\n${output}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('close', onExit);
    };
    child.stdout!.on('data', check);
    // 'close', not 'exit': it comes after the output streams end, so the reason it printed is in `output`.
    child.once('close', onExit);
  }).catch(async (error) => {
    await server.kill();
    throw error;
  });
  return server;
}

/** `npm run cli -- …` as a user types it, against the same DATA_DIR; bounded in time. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
