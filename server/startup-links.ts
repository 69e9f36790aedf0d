import type { AppContext } from './context.ts';
import type { Site } from './sites/site-repository.ts';
import { demoOwner } from './seed/demo-site.ts';
import { mintUserLink } from './auth/staff-login.ts';

/** The owner's admin login link (a User Link, short-lived), printed at start so a new user can sign in. */
export async function printStartupLinks(ctx: AppContext, site: Site): Promise<string[]> {
  const owner = await demoOwner(ctx, site.id);
  if (!owner) return [];
  const link = await mintUserLink(ctx, site, owner.id, 'console', 'system:startup');
  const minutes = Math.round(site.userLinkTtlSeconds / 60);
  const later = ctx.config.delivery.smtpUrl ? 'then use the sign-in page' : `then: npm run cli -- login-link --site ${site.subdomain}`;
  return [`  Admin login:    ${link.url}`, `                  (${owner.email}; valid ${minutes} minutes, ${later})`];
}
