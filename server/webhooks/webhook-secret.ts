/**
 * Each site's webhook secret: shown once when created or rotated, stored sealed with the master
 * key (like the link signing keys), opened only to check a signature.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { webhookSecrets } from '../db/schema.ts';
import { openSecret, sealSecret } from '../links/key-seal.ts';

/** Replaces the site's secret; the previous one stops working at once. Returns the new one (the only time it is readable). */
export async function rotateWebhookSecret(ctx: AppContext, siteId: string): Promise<{ secret: string; createdAt: Date }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const sealed = sealSecret(ctx.masterKey, Buffer.from(secret));
  const createdAt = ctx.now();
  await ctx.db
    .insert(webhookSecrets)
    .values({ siteId, secret: sealed, createdAt })
    .onConflictDoUpdate({ target: webhookSecrets.siteId, set: { secret: sealed, createdAt } });
  return { secret, createdAt };
}

/** The site's secret, or null when none was created yet (then every signature is refused). */
export async function webhookSecretOf(ctx: AppContext, siteId: string): Promise<string | null> {
  const [row] = await ctx.db.select({ secret: webhookSecrets.secret }).from(webhookSecrets).where(eq(webhookSecrets.siteId, siteId)).limit(1);
  return row ? openSecret(ctx.masterKey, row.secret).toString('utf8') : null;
}
