/**
 * One redemption service for both audiences (learner links on member sites, staff User Links on
 * the admin host), in the order that decides what the person sees:
 * signature and claims → the link's record (revoked, used up) → the audience's own check
 * (learner: an active offer; staff: still a member of that site's staff) → use policy (single-use
 * links confirm with a person's POST) → one atomic use → session → redemption record + event.
 * After the signature a redemption costs two statements: the link's state with the audience's
 * access check, then the use, session, record and event written together (redemption-write.ts),
 * so of concurrent POSTs of a single-use link exactly one opens a session. Every refused attempt
 * is recorded too (never the token).
 *
 * The audience-specific parts are passed in (RedemptionAudience), so this module needs neither the
 * member site nor the staff login; both render the same typed result.
 */
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { PREVIEW_TOKEN, verifyLinkToken, type LinkAudience, type LinkClaims } from '../links/link-token.ts';
import { linkUsability, linkUsabilityAndAccess } from '../links/link-state.ts';
import { recordRedemption } from '../links/link-redemptions.ts';
import type { Site } from '../sites/site-repository.ts';
import type { OpenedSession, SessionAudience } from './sessions.ts';
import { writeRedemption } from './redemption-write.ts';

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
  /** Whether the subject may still log in (its own query; used when `admitsSql` is not given). */
  admits(db: DbOrTx, site: Site, claims: LinkClaims): Promise<boolean>;
  /**
   * The same check as a boolean SQL expression, so it runs in the statement that reads the link's
   * state (one round trip fewer). Optional: an audience without it costs its `admits` query.
   */
  admitsSql?(siteId: string, subjectId: string): SQL;
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
  const decided = await decide(ctx.db, site, claims, audience, options, now);
  if (decided.outcome === 'confirm') return decided;
  if (decided.outcome !== 'ok') {
    await recordRefusal(ctx.db, site, decided, options.ip, now);
    return decided;
  }
  const written = await writeRedemption(ctx.db, {
    siteId: site.id,
    claims,
    session: audience.session,
    atMost: decided.maxUses,
    payload: { jti: claims.jti, subjectId: claims.sub, kind: audience.link, destination: claims.dest },
    ip: options.ip,
    now,
  });
  // Used up by a concurrent redemption since the check: the statement recorded that refusal.
  if (!written) return { outcome: 'invalid', reason: 'used_up', claims };
  await ctx.events.publish(written.event);
  return { outcome: 'ok', claims, session: written.session };
}

type Decision = Exclude<Redemption, { outcome: 'ok' }> | { outcome: 'ok'; maxUses: number | null };

async function decide(db: DbOrTx, site: Site, claims: LinkClaims, audience: RedemptionAudience, options: RedeemOptions, now: Date): Promise<Decision> {
  const usable = audience.admitsSql
    ? await linkUsabilityAndAccess(db, claims, audience.admitsSql(site.id, claims.sub))
    : await linkUsability(db, claims, now);
  if (usable.state !== 'ok') return { outcome: 'invalid', reason: usable.state, claims };
  const maxUses = audience.maxUses(usable.maxUses);
  if (maxUses !== null && usable.uses >= maxUses) return { outcome: 'invalid', reason: 'used_up', claims };
  const admitted = 'admitted' in usable ? usable.admitted : await audience.admits(db, site, claims);
  if (!admitted) return { outcome: 'no_access', claims };
  if (!options.confirmed && maxUses !== null) return { outcome: 'confirm', claims };
  return { outcome: 'ok', maxUses };
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
