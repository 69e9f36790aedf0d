/**
 * Operator commands (`npm run cli -- …`, see operator-commands.ts for the list). Works against the
 * same database as the server: DATABASE_URL directly; the embedded database directly when no
 * server runs, else through the running server's operator socket.
 */
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { createAppContext } from './bootstrap.ts';
import { embeddedDatabaseOwner } from './db/database.ts';
import { parseCommand, runCommand, type CommandResult } from './operator/operator-commands.ts';
import { askRunningServer } from './operator/operator-socket.ts';

async function main(argv: string[]): Promise<CommandResult> {
  const parsed = parseCommand(argv);
  if (!('command' in parsed)) return parsed;
  const config = loadConfig();
  if (!config.databaseUrl && embeddedDatabaseOwner(join(config.dataDir, 'pglite'))) return askRunningServer(config.dataDir, argv);
  const ctx = await createAppContext(config);
  try {
    return await runCommand(ctx, parsed);
  } finally {
    await ctx.database.close();
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result.stdout) console.log(result.stdout);
    if (result.stderr) console.error(result.stderr);
    process.exit(result.code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
