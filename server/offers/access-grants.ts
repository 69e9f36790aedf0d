import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { accessGrants, offers } from '../db/schema.ts';
import { inTransaction } from '../events/transaction.ts';
import { notFound } from '../http/api-error.ts';
import { requireContact } from '../contacts/contact-service.ts';
import { requireOffer } from './offer-service.ts';

export type AccessGrant = typeof accessGrants.$inferSelect;
export type GrantSource = 'api' | 'admin' | 'webhook' | 'import' | 'seed';

/**
 * Grants an offer. Idempotent: granting an offer the contact already holds changes nothing and
 * emits nothing, so `offer.access_granted` fires exactly once per actual grant — even when two
 * grants race (the partial unique index lets one insert win; the other sees it as existing).
 */
export async function grantAccess(
  ctx: AppContext,
  siteId: string,
  contactId: string,
  offerId: string,
  source: GrantSource,
): Promise<{ grant: AccessGrant; created: boolean }> {
  return inTransaction(ctx, async (tx, emit) => {
    await requireContact(tx, siteId, contactId);
    await requireOffer(tx, siteId, offerId);
    const [inserted] = await tx
      .insert(accessGrants)
      .values({ siteId, contactId, offerId, source, grantedAt: ctx.now() })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await emit(siteId, 'offer.access_granted', { contactId, offerId, grantId: inserted.id, source });
      return { grant: inserted, created: true };
    }
    const existing = await activeGrant(tx, contactId, offerId);
    return { grant: existing!, created: false };
  });
}

export async function revokeAccess(ctx: AppContext, siteId: string, contactId: string, offerId: string): Promise<AccessGrant> {
  return inTransaction(ctx, async (tx, emit) => {
    await requireContact(tx, siteId, contactId);
    const [revoked] = await tx
      .update(accessGrants)
      .set({ revokedAt: ctx.now() })
      .where(
        and(
          eq(accessGrants.siteId, siteId),
          eq(accessGrants.contactId, contactId),
          eq(accessGrants.offerId, offerId),
          isNull(accessGrants.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw notFound('Active access to that offer');
    await emit(siteId, 'offer.access_revoked', { contactId, offerId, grantId: revoked.id });
    return revoked;
  });
}

async function activeGrant(db: DbOrTx, contactId: string, offerId: string): Promise<AccessGrant | undefined> {
  const [row] = await db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.contactId, contactId), eq(accessGrants.offerId, offerId), isNull(accessGrants.revokedAt)))
    .limit(1);
  return row;
}

