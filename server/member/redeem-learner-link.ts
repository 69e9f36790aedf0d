/**
 * Redeeming a learner link, in the order that decides what the member sees:
 * signature and claims → the link's record (revoked, used up) → access (any active offer) →
 * single-use confirmation → take a use → session. Every attempt is recorded with its outcome
 * (never with the token).
 */
import type { AppContext } from '../context.ts';
import { openSession, type OpenedSession } from '../auth/sessions.ts';
import { verifyLinkToken, type LinkClaims } from '../links/link-token.ts';
import { consumeLinkUse, linkUsability } from '../links/link-state.ts';
import { inTransaction } from '../events/transaction.ts';
import type { Site } from '../sites/site-repository.ts';
import { holdsAnyOffer, memberAccess } from './member-access.ts';
import { recordRedemption } from '../links/link-redemptions.ts';
import { PREVIEW_TOKEN } from '../../src/template/destinations.ts';


export type Redemption =
  | { outcome: 'preview' }
  | { outcome: 'invalid'; reason: string; claims?: LinkClaims }
  | { outcome: 'expired'; claims: LinkClaims }
  | { outcome: 'no_access'; claims: LinkClaims }
  | { outcome: 'confirm'; claims: LinkClaims }
  | { outcome: 'ok'; claims: LinkClaims; session: OpenedSession };

export interface RedeemOptions {
  /** A POST from the confirmation page (or a link without a use limit). */
  confirmed: boolean;
  ip: string;
}

export async function redeemLearnerLink(ctx: AppContext, site: Site, token: string, options: RedeemOptions): Promise<Redemption> {
  const result = await decide(ctx, site, token, options);
  if (result.outcome !== 'preview' && result.outcome !== 'confirm' && result.outcome !== 'ok') {
    await recordAttempt(ctx, site, result.outcome === 'invalid' ? `invalid:${result.reason}` : result.outcome, result.claims, options.ip);
  }
  return result;
}

async function decide(ctx: AppContext, site: Site, token: string, options: RedeemOptions): Promise<Redemption> {
  if (token === PREVIEW_TOKEN) return { outcome: 'preview' };
  const now = ctx.now();
  const verified = await verifyLinkToken(token, ctx.keyRing, { siteId: site.id, audience: 'learner' }, now);
  if (!verified.ok) {
    if (verified.reason === 'expired' && verified.claims) return { outcome: 'expired', claims: verified.claims };
    return { outcome: 'invalid', reason: verified.reason, claims: verified.claims };
  }
  const { claims } = verified;
  const { state, maxUses } = await linkUsability(ctx.db, claims, now);
  if (state !== 'ok') return { outcome: 'invalid', reason: state, claims };
  const access = await memberAccess(ctx.db, site.id, claims.sub);
  if (!holdsAnyOffer(access)) return { outcome: 'no_access', claims };
  if (!options.confirmed && maxUses !== null) return { outcome: 'confirm', claims };

  return inTransaction(ctx, async (tx, emit) => {
    if (!(await consumeLinkUse(tx, claims.jti))) return { outcome: 'invalid', reason: 'used_up', claims } as const;
    const session = await openSession(tx, 'member', site.id, claims.sub, now);
    await recordRedemption(tx, { siteId: site.id, jti: claims.jti, subjectId: claims.sub, outcome: 'ok', ip: options.ip, at: now });
    await emit(site.id, 'link.redeemed', { jti: claims.jti, subjectId: claims.sub, kind: 'learner', destination: claims.dest });
    return { outcome: 'ok', claims, session } as const;
  });
}

export async function recordAttempt(ctx: AppContext, site: Site, outcome: string, claims: LinkClaims | undefined, ip: string) {
  await recordRedemption(ctx.db, { siteId: site.id, jti: claims?.jti, subjectId: claims?.sub, outcome, ip, at: ctx.now() });
}
