/**
 * The embedded database belongs to the running server, so the CLI can't open it while the server
 * runs. The server therefore listens on a Unix socket inside DATA_DIR (mode 0600: only whoever
 * may read the database files may use it) and runs the CLI's commands for it. One JSON line each
 * way: `{argv}` in, a CommandResult out.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import type { AppContext } from '../context.ts';
import { parseCommand, runCommand, type CommandResult } from './operator-commands.ts';

export function operatorSocketPath(dataDir: string): string {
  return join(resolve(dataDir), 'operator.sock');
}

export async function listenOperatorSocket(ctx: AppContext, dataDir: string): Promise<Server> {
  const path = operatorSocketPath(dataDir);
  // The lock on the embedded database says we own DATA_DIR: a socket left by a killed server is stale.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk: string) => {
      input += chunk;
      if (!input.includes('\n')) return;
      const result = await answer(ctx, input.slice(0, input.indexOf('\n')));
      socket.end(JSON.stringify(result) + '\n');
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(path, () => done()));
  chmodSync(path, 0o600);
  server.on('close', () => rmSync(path, { force: true }));
  return server;
}

async function answer(ctx: AppContext, line: string): Promise<CommandResult> {
  try {
    const parsed = parseCommand((JSON.parse(line) as { argv: string[] }).argv);
    return 'command' in parsed ? await runCommand(ctx, parsed) : parsed;
  } catch (error) {
    return { code: 1, stdout: '', stderr: (error as Error).message };
  }
}

/** Runs argv in the server that holds `dataDir`; bounded in time. */
export function askRunningServer(dataDir: string, argv: string[], timeoutMs = 15_000): Promise<CommandResult> {
  return new Promise((done, fail) => {
    const socket = createConnection(operatorSocketPath(dataDir));
    let output = '';
    const timer = setTimeout(() => socket.destroy(new Error('the running server did not answer in time')), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify({ argv }) + '\n'));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('end', () => {
      clearTimeout(timer);
      try {
        done(JSON.parse(output) as CommandResult);
      } catch {
        fail(new Error('the running server gave no answer'));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
  });
}
