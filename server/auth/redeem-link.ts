/**
 * One redemption service for both audiences (learner links on member sites, staff User Links on
 * the admin host), in the order that decides what the person sees:
 * signature and claims → the link's record (revoked, used up) → the audience's own check
 * (learner: an active offer; staff: still a member of that site's staff) → use policy (single-use
 * links confirm with a person's POST) → one atomic use → session → redemption record + event.
 * Everything after the signature runs in one transaction, so of concurrent POSTs of a single-use
 * link exactly one opens a session. Every refused attempt is recorded too (never the token).
 *
 * The audience-specific parts are passed in (RedemptionAudience), so this module needs neither the
 * member site nor the staff login; both render the same typed result.
 */
import type { AppContext } from '../context.ts';
import type { DbOrTx, Tx } from '../db/database.ts';
import { inTransaction, type Emit } from '../events/transaction.ts';
import { PREVIEW_TOKEN, verifyLinkToken, type LinkAudience, type LinkClaims } from '../links/link-token.ts';
import { consumeLinkUse, linkUsability } from '../links/link-state.ts';
import { recordRedemption } from '../links/link-redemptions.ts';
import type { Site } from '../sites/site-repository.ts';
import { openSession, type OpenedSession, type SessionAudience } from './sessions.ts';

export type Redemption =
  | { outcome: 'preview' }
  | { outcome: 'invalid'; reason: string; claims?: LinkClaims }
  | { outcome: 'expired'; claims: LinkClaims }
  | { outcome: 'no_access'; claims: LinkClaims }
  | { outcome: 'confirm'; claims: LinkClaims }
  | { outcome: 'ok'; claims: LinkClaims; session: OpenedSession };

/** What differs between learners and staff. */
export interface RedemptionAudience {
  link: LinkAudience;
  session: SessionAudience;
  /** Whether the subject may still log in (inside the redemption's transaction). */
  admits(tx: Tx, site: Site, claims: LinkClaims): Promise<boolean>;
  /**
   * The use limit that applies, given the link's recorded one (null = unlimited). Staff links are
   * single-use whatever the site's learner policy.
   */
  maxUses(recorded: number | null): number | null;
}

export interface RedeemOptions {
  /** A person's POST from the confirmation page. GET/HEAD never take a use of a limited link. */
  confirmed: boolean;
  ip: string;
}

export async function redeemLink(
  ctx: AppContext,
  site: Site,
  token: string,
  audience: RedemptionAudience,
  options: RedeemOptions,
): Promise<Redemption> {
  if (token === PREVIEW_TOKEN) return { outcome: 'preview' };
  const now = ctx.now();
  const verified = await verifyLinkToken(token, ctx.keyRing, { siteId: site.id, audience: audience.link }, now);
  if (!verified.ok) {
    const refused: Redemption =
      verified.reason === 'expired' && verified.claims
        ? { outcome: 'expired', claims: verified.claims }
        : { outcome: 'invalid', reason: verified.reason, claims: verified.claims };
    await recordRefusal(ctx.db, site, refused, options.ip, now);
    return refused;
  }
  const { claims } = verified;
  return inTransaction(ctx, async (tx, emit) => {
    const decided = await decide(tx, site, claims, audience, options, now);
    if (decided.outcome === 'confirm') return decided;
    if (decided.outcome !== 'ok') {
      await recordRefusal(tx, site, decided, options.ip, now);
      return decided;
    }
    return logIn(tx, emit, site, claims, audience, options.ip, now);
  });
}

/**
 * The end of every successful redemption — of a link, or of the login code sent with it
 * (server/auth/redeem-login-code.ts): the session, the redemption record and the event.
 */
export async function logIn(
  tx: Tx,
  emit: Emit,
  site: Site,
  claims: LinkClaims,
  audience: RedemptionAudience,
  ip: string,
  now: Date,
): Promise<Extract<Redemption, { outcome: 'ok' }>> {
  const session = await openSession(tx, audience.session, site.id, claims.sub, now);
  await recordRedemption(tx, { siteId: site.id, jti: claims.jti, subjectId: claims.sub, outcome: 'ok', ip, at: now });
  await emit(site.id, 'link.redeemed', { jti: claims.jti, subjectId: claims.sub, kind: audience.link, destination: claims.dest });
  return { outcome: 'ok', claims, session };
}

type Decision = Exclude<Redemption, { outcome: 'ok' }> | { outcome: 'ok' };

async function decide(tx: Tx, site: Site, claims: LinkClaims, audience: RedemptionAudience, options: RedeemOptions, now: Date): Promise<Decision> {
  const usable = await linkUsability(tx, claims, now);
  if (usable.state !== 'ok') return { outcome: 'invalid', reason: usable.state, claims };
  const maxUses = audience.maxUses(usable.maxUses);
  if (maxUses !== null && usable.uses >= maxUses) return { outcome: 'invalid', reason: 'used_up', claims };
  if (!(await audience.admits(tx, site, claims))) return { outcome: 'no_access', claims };
  if (!options.confirmed && maxUses !== null) return { outcome: 'confirm', claims };
  // The conditional UPDATE re-checks the use count under the row lock: one concurrent winner.
  if (!(await consumeLinkUse(tx, claims.jti, maxUses))) return { outcome: 'invalid', reason: 'used_up', claims };
  return { outcome: 'ok' };
}

/** The outcome as recorded: 'expired', 'no_access' or 'invalid:<reason>'. */
function recordedOutcome(result: Redemption): string {
  return result.outcome === 'invalid' ? `invalid:${result.reason}` : result.outcome;
}

async function recordRefusal(db: DbOrTx, site: Site, result: Redemption, ip: string, at: Date): Promise<void> {
  const claims = 'claims' in result ? result.claims : undefined;
  await recordRedemption(db, { siteId: site.id, jti: claims?.jti, subjectId: claims?.sub, outcome: recordedOutcome(result), ip, at });
}

/** Records something done with a link that is not a redemption ('resent'). */
export async function recordLinkAttempt(ctx: AppContext, site: Site, outcome: string, claims: LinkClaims | undefined, ip: string) {
  await recordRedemption(ctx.db, { siteId: site.id, jti: claims?.jti, subjectId: claims?.sub, outcome, ip, at: ctx.now() });
}
