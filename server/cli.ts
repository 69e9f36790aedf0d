/**
 * Operator commands: `npm run cli -- api-key create --site <subdomain> [--name <name>]`.
 * Works against the same database as the server (embedded or DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { createAppContext } from './bootstrap.ts';
import { findSiteByRef } from './sites/site-repository.ts';
import { createApiKey } from './auth/api-keys.ts';

const USAGE = `Usage:
  npm run cli -- api-key create --site <subdomain or id> [--name <label>]`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { site: { type: 'string' }, name: { type: 'string' } },
  });
  const [noun, verb] = positionals;
  if (noun !== 'api-key' || verb !== 'create') {
    console.error(USAGE);
    return 2;
  }
  if (!values.site) {
    console.error('--site is required (the site subdomain or id)\n' + USAGE);
    return 2;
  }
  const ctx = await createAppContext(loadConfig());
  try {
    const site = await findSiteByRef(ctx.db, values.site);
    if (!site) {
      console.error(`No site "${values.site}"`);
      return 1;
    }
    const key = await createApiKey(ctx.db, site.id, values.name ?? 'cli');
    console.log(key.key);
    return 0;
  } finally {
    await ctx.database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
