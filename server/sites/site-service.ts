import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sites } from '../db/schema.ts';
import type { Principal } from '../auth/principal.ts';
import { createSigningKey } from '../links/signing-keys.ts';
import type { createSiteBody, updateSiteBody } from '../../src/contract/site-schemas.ts';
import type { Site } from './site-repository.ts';
import { siteCacheOf } from './site-cache.ts';

type CreateSite = z.output<typeof createSiteBody>;
type UpdateSite = z.output<typeof updateSiteBody>;

function policyColumns(policy: CreateSite['linkPolicy']) {
  return {
    ...(policy?.learnerLinkTtlSeconds !== undefined && { learnerLinkTtlSeconds: policy.learnerLinkTtlSeconds }),
    ...(policy?.userLinkTtlSeconds !== undefined && { userLinkTtlSeconds: policy.userLinkTtlSeconds }),
    ...(policy?.maxUses !== undefined && { linkMaxUses: policy.maxUses }),
  };
}

/** A new site gets its first signing key in the same transaction, so it can mint links at once. */
export async function createSite(ctx: AppContext, input: CreateSite): Promise<Site> {
  const created = await ctx.db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({
        title: input.title,
        subdomain: input.subdomain ?? null,
        supportEmail: input.supportEmail ?? null,
        supportPhone: input.supportPhone ?? null,
        postalAddress: input.postalAddress ?? null,
        ...policyColumns(input.linkPolicy),
      })
      .returning();
    await createSigningKey(tx, site.id, ctx.masterKey);
    return site;
  });
  siteCacheOf(ctx.db).forget();
  return created;
}

export async function updateSite(ctx: AppContext, siteId: string, input: UpdateSite): Promise<Site> {
  const [site] = await ctx.db
    .update(sites)
    .set({
      ...(input.title !== undefined && { title: input.title }),
      ...(input.subdomain !== undefined && { subdomain: input.subdomain }),
      ...(input.supportEmail !== undefined && { supportEmail: input.supportEmail }),
      ...(input.supportPhone !== undefined && { supportPhone: input.supportPhone }),
      ...(input.postalAddress !== undefined && { postalAddress: input.postalAddress }),
      ...policyColumns(input.linkPolicy),
      updatedAt: ctx.now(),
    })
    .where(eq(sites.id, siteId))
    .returning();
  siteCacheOf(ctx.db).forget();
  return site;
}

/** The sites a caller may see: all for the operator key, otherwise the one its key or session belongs to. */
export async function listSitesFor(ctx: AppContext, principal: Principal): Promise<Site[]> {
  const query = ctx.db.select().from(sites);
  if (principal.kind === 'bootstrap') return query.orderBy(sites.createdAt);
  return query.where(inArray(sites.id, [principal.siteId]));
}
