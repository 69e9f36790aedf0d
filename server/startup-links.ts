import type { AppContext } from './context.ts';
import type { Site } from './sites/site-repository.ts';

/** Extra lines printed at start (the owner's admin login link once magic links exist). */
export async function printStartupLinks(_ctx: AppContext, _site: Site): Promise<string[]> {
  return [];
}
