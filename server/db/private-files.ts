/**
 * The embedded database and master key hold contacts, the outbox and key material: only the
 * server's own user may read them. Directories 0700, files 0600.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The umask that makes every file the process creates from now on private (0600 / 0700). */
export const PRIVATE_UMASK = 0o077;

/** Makes `dir` and everything under it private; fixes data directories created before this rule. */
export function makePrivate(dir: string): void {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o600) chmodSync(dir, 0o600);
    return;
  }
  if ((stat.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) makePrivate(join(dir, entry));
}
