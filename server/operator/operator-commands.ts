/**
 * The operator's commands (`npm run cli -- …`), written once and run in one of two places: in the
 * CLI's own process when it can open the database, or inside the running server (through its
 * operator socket) when the server holds the embedded database. Each returns what to print.
 */
import { parseArgs } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { findSiteByRef } from '../sites/site-repository.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { mintUserLink } from '../auth/staff-login.ts';
import { staffUsers } from '../db/schema.ts';

export const USAGE = `Usage:
  npm run cli -- api-key create --site <subdomain or id> [--name <label>]
  npm run cli -- login-link --site <subdomain or id> [--email <staff email>]   (default: the site's owner)`;

export interface CommandResult {
  /** 0 success, 1 the command failed, 2 it was called wrongly. */
  code: number;
  stdout: string;
  stderr: string;
}

const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: '' });
const failed = (stderr: string, code = 1): CommandResult => ({ code, stdout: '', stderr });

type Parsed = { command: 'api-key create' | 'login-link'; site: string; name?: string; email?: string };

/** Parses argv into a command, or the usage error to print. */
export function parseCommand(argv: string[]): Parsed | CommandResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { site: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
    });
  } catch (error) {
    return failed(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { positionals, values } = parsed;
  const command = positionals.join(' ');
  if (command !== 'api-key create' && command !== 'login-link') return failed(USAGE, 2);
  if (!values.site) return failed(`--site is required (the site subdomain or id)\n${USAGE}`, 2);
  return { command, site: values.site, name: values.name, email: values.email };
}

export async function runCommand(ctx: AppContext, command: Parsed): Promise<CommandResult> {
  const site = await findSiteByRef(ctx.db, command.site);
  if (!site) return failed(`No site "${command.site}"`);
  if (command.command === 'api-key create') return ok((await createApiKey(ctx.db, site.id, command.name ?? 'cli')).key);

  const staff = command.email
    ? await ctx.db
        .select()
        .from(staffUsers)
        .where(and(eq(staffUsers.siteId, site.id), eq(staffUsers.email, command.email.trim().toLowerCase())))
        .limit(1)
    : await ctx.db
        .select()
        .from(staffUsers)
        .where(and(eq(staffUsers.siteId, site.id), eq(staffUsers.role, 'owner')))
        .orderBy(asc(staffUsers.createdAt))
        .limit(1);
  const user = staff[0];
  if (!user) return failed(command.email ? `No staff member ${command.email} on ${site.subdomain ?? site.id}` : `The site has no owner`);
  const link = await mintUserLink(ctx, site, user.id, 'console', 'system:cli');
  const minutes = Math.round(site.userLinkTtlSeconds / 60);
  return ok(`${link.url}\n(${user.email}, ${user.role}; valid ${minutes} minutes)`);
}
