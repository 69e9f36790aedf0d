/**
 * The demo site seeded on the first start of an empty database, so a new user sees a working
 * product: Site Details filled, two offers unlocking courses and communities, and three contacts
 * (two holding offers, one without access — the "no offer" case).
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { staffUsers } from '../db/schema.ts';
import { createSite } from '../sites/site-service.ts';
import { findSiteBySubdomain, type Site } from '../sites/site-repository.ts';
import { createContentItem } from '../offers/content-items.ts';
import { createOffer } from '../offers/offer-service.ts';
import { createContact } from '../contacts/contact-service.ts';
import { grantAccess } from '../offers/access-grants.ts';

export const DEMO_SUBDOMAIN = 'academy';
export const DEMO_OWNER_EMAIL = 'owner@academy.example';

export async function seedDemoSite(ctx: AppContext): Promise<{ site: Site; created: boolean }> {
  const existing = await findSiteBySubdomain(ctx.db, DEMO_SUBDOMAIN);
  if (existing) return { site: existing, created: false };

  const site = await createSite(ctx, {
    title: 'Acme Academy',
    subdomain: DEMO_SUBDOMAIN,
    supportEmail: 'support@academy.example',
    supportPhone: '+14155552671',
  });
  await ctx.db.insert(staffUsers).values({ siteId: site.id, email: DEMO_OWNER_EMAIL, name: 'Academy Owner', role: 'owner' });

  const course = (title: string, description: string) => createContentItem(ctx.db, site.id, { kind: 'course', title, description });
  const community = (title: string, description: string) =>
    createContentItem(ctx.db, site.id, { kind: 'community', title, description });
  const basics = await course('Email Marketing Basics', 'Build a list and write your first campaign.');
  const advanced = await course('Advanced Automations', 'Workflows that send the right message at the right time.');
  const circle = await community('Founders Circle', 'Weekly calls and a private forum for members.');

  const starter = await createOffer(ctx.db, site.id, {
    title: 'Starter Course',
    description: 'The basics course.',
    itemIds: [basics.id],
  });
  const allAccess = await createOffer(ctx.db, site.id, {
    title: 'All Access',
    description: 'Every course, the community and the affiliate program.',
    includesAffiliates: true,
    itemIds: [basics.id, advanced.id, circle.id],
  });

  const ada = await createContact(ctx, site.id, {
    email: 'ada@example.com',
    phone: '+14155550101',
    firstName: 'Ada',
    lastName: 'Lovelace',
    customFields: { plan: 'gold' },
  });
  const grace = await createContact(ctx, site.id, { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' });
  await createContact(ctx, site.id, { email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing' });
  await grantAccess(ctx, site.id, ada.id, allAccess.id, 'seed');
  await grantAccess(ctx, site.id, grace.id, starter.id, 'seed');
  return { site, created: true };
}

export async function demoOwner(ctx: AppContext, siteId: string) {
  const [owner] = await ctx.db.select().from(staffUsers).where(eq(staffUsers.siteId, siteId)).limit(1);
  return owner;
}
