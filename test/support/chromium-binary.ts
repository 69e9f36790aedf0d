/**
 * Which Chromium the browser tests drive, so `npm install && npm test` needs nothing installed by
 * hand: `CHROMIUM_PATH` when set, else Debian's `/usr/bin/chromium` when it exists, else the
 * Chromium shipped inside the `@sparticuz/chromium` devDependency (a brotli-packed binary in the
 * npm tarball, unpacked once into the OS temp dir — nothing is downloaded at run time).
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm package';

export interface ChromiumBinary {
  path: string;
  source: ChromiumSource;
}

/** Pure choice between the configured path and the system binary; null means "use the npm package". */
export function chooseChromium(env: { CHROMIUM_PATH?: string }, exists: (path: string) => boolean): ChromiumBinary | null {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  return exists(SYSTEM_CHROMIUM) ? { path: SYSTEM_CHROMIUM, source: 'system' } : null;
}

export async function findChromium(): Promise<ChromiumBinary> {
  const chosen = chooseChromium(process.env, existsSync);
  if (chosen) return chosen;
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'npm package' };
}
