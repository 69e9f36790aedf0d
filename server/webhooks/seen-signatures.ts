/**
 * Webhook signatures are single-use. A verified signature is recorded with one insert whose
 * primary key (site, signature hash) decides: the first request inserts its row, a replay — even
 * one racing it — inserts nothing and is refused. Rows older than the signature window can't
 * match a fresh request any more and are pruned.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { seenWebhookSignatures } from '../db/schema.ts';
import { sha256Hex } from '../crypto/secrets.ts';
import { MAX_AGE_SECONDS, MAX_SKEW_SECONDS } from './webhook-signature.ts';

const KEEP_MS = (MAX_AGE_SECONDS + MAX_SKEW_SECONDS) * 1000;

/** True the first time a site sees this signature; false for a replay. */
export async function claimSignature(db: DbOrTx, siteId: string, signature: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(seenWebhookSignatures)
    .values({ siteId, signatureHash: sha256Hex(signature), seenAt: now })
    .onConflictDoNothing()
    .returning({ siteId: seenWebhookSignatures.siteId });
  await db
    .delete(seenWebhookSignatures)
    .where(and(eq(seenWebhookSignatures.siteId, siteId), lt(seenWebhookSignatures.seenAt, new Date(now.getTime() - KEEP_MS))));
  return inserted.length === 1;
}
