/**
 * Every redemption attempt, successful or not, for support (a contact's history), the activity
 * chart and abuse spotting. Never the token; the client IP only as a per-site hash.
 */
import type { DbOrTx } from '../db/database.ts';
import { linkRedemptions } from '../db/schema.ts';
import { sha256Hex } from '../crypto/secrets.ts';

export interface RedemptionAttempt {
  siteId: string;
  /** 'ok', 'expired', 'no_access', 'resent' or 'invalid:<reason>'. */
  outcome: string;
  jti?: string | null;
  subjectId?: string | null;
  ip: string;
  /** The app's clock, so activity lines up with when links were minted. */
  at: Date;
}

/** The client IP as stored: a per-site hash, so the same address can't be followed across sites. */
export function redemptionIpHash(siteId: string, ip: string): string {
  return sha256Hex(`${siteId}:${ip}`).slice(0, 16);
}

export async function recordRedemption(db: DbOrTx, attempt: RedemptionAttempt): Promise<void> {
  await db.insert(linkRedemptions).values({
    siteId: attempt.siteId,
    jti: attempt.jti ?? null,
    subjectId: attempt.subjectId ?? null,
    outcome: attempt.outcome,
    ipHash: redemptionIpHash(attempt.siteId, attempt.ip),
    createdAt: attempt.at,
  });
}
