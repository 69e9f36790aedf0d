import type { AppContext } from './context.ts';
import type { Site } from './sites/site-repository.ts';
import { firstOwner } from './staff/staff-service.ts';
import { mintUserLink } from './auth/staff-login.ts';

/** The owner's admin login link (a User Link, short-lived), printed at start so a new user can sign in. */
export async function printStartupLinks(ctx: AppContext, site: Site): Promise<string[]> {
  // Always an owner's link, never another role's: the console is the operator's.
  const owner = await firstOwner(ctx.db, site.id);
  if (!owner) return [];
  const link = await mintUserLink(ctx, site, owner.id, 'console', 'system:startup');
  const minutes = Math.round(site.userLinkTtlSeconds / 60);
  const later = ctx.config.delivery.smtpUrl ? 'then use the sign-in page' : `then: npm run cli -- login-link --site ${site.subdomain}`;
  return [`  Admin login:    ${link.url}`, `                  (${owner.email}; valid ${minutes} minutes, ${later})`];
}
