/**
 * One redemption service for both audiences (learner links on member sites, staff User Links on
 * the admin host), in the order that decides what the person sees:
 * signature and claims → the link's record (revoked, used up) → the audience's own check
 * (learner: an active offer; staff: still a member of that site's staff) → use policy (single-use
 * links confirm with a person's POST) → one atomic use → session → redemption record + event.
 * After the signature a redemption is ONE statement (redemption-write.ts): it decides from the
 * link's state and the audience's access check, and when the answer is yes takes the use, opens
 * the session and writes the record and event, so of concurrent POSTs of a single-use link
 * exactly one opens a session. Every refused attempt is recorded too (never the token).
 *
 * The audience-specific parts are passed in (RedemptionAudience), so this module needs neither the
 * member site nor the staff login; both render the same typed result.
 */
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { PREVIEW_TOKEN, verifyLinkToken, type LinkAudience, type LinkClaims } from '../links/link-token.ts';
import { recordRedemption } from '../links/link-redemptions.ts';
import type { Site } from '../sites/site-repository.ts';
import type { OpenedSession, SessionAudience } from './sessions.ts';
import { writeRedemption } from './redemption-write.ts';
import type { RateLimiter } from '../http/rate-limiter.ts';

export type Redemption =
  | { outcome: 'rate_limited'; wait: number }
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
  /** Whether the subject may still log in, as its own query (login codes check it so). */
  admits(db: DbOrTx, site: Site, claims: LinkClaims): Promise<boolean>;
  /** The same check as a boolean SQL expression, for the redemption statement. */
  admitsSql(siteId: string, subjectId: string): SQL;
  /** A use limit the audience applies on top of the link's recorded one (null: the recorded one only). Staff links are single-use whatever the site's learner policy. */
  useLimit: number | null;
}

export interface RedeemOptions {
  /** A person's POST from the confirmation page. GET/HEAD never take a use of a limited link. */
  confirmed: boolean;
  ip: string;
  /**
   * The limiter this attempt counts against, and its key. Given here rather than hit before, so a
   * shared (PostgreSQL) limiter counts in the redemption's own statement: one round trip fewer.
   */
  limit?: { limiter: RateLimiter; key: string };
}

export async function redeemLink(
  ctx: AppContext,
  site: Site,
  token: string,
  audience: RedemptionAudience,
  options: RedeemOptions,
): Promise<Redemption> {
  const { limit } = options;
  /** Counts the attempt on its own (when the redemption statement doesn't): the wait, over the limit. */
  const hitAlone = async () => (limit ? limit.limiter.hit(limit.key) : 0);
  if (token === PREVIEW_TOKEN) {
    const wait = await hitAlone();
    return wait ? { outcome: 'rate_limited', wait } : { outcome: 'preview' };
  }
  const now = ctx.now();
  const verified = await verifyLinkToken(token, ctx.keyRing, { siteId: site.id, audience: audience.link }, now);
  if (!verified.ok) {
    const wait = await hitAlone();
    if (wait) return { outcome: 'rate_limited', wait };
    const refused: Redemption =
      verified.reason === 'expired' && verified.claims
        ? { outcome: 'expired', claims: verified.claims }
        : { outcome: 'invalid', reason: verified.reason, claims: verified.claims };
    await recordRefusal(ctx.db, site, refused, options.ip, now);
    return refused;
  }
  const { claims } = verified;
  const hit = limit?.limiter.hitInStatement?.(limit.key);
  if (!hit) {
    const wait = await hitAlone();
    if (wait) return { outcome: 'rate_limited', wait };
  }
  const { decision, wait, opened } = await writeRedemption(ctx.db, {
    siteId: site.id,
    claims,
    session: audience.session,
    decide: { admits: audience.admitsSql(site.id, claims.sub), useLimit: audience.useLimit, confirmed: options.confirmed, hit },
    payload: { jti: claims.jti, subjectId: claims.sub, kind: audience.link, destination: claims.dest },
    ip: options.ip,
    now,
  });
  // The statement recorded the attempt, unless it asks to confirm or is over the rate limit.
  switch (decision) {
    case 'rate_limited':
      return { outcome: 'rate_limited', wait };
    case 'confirm':
    case 'no_access':
      return { outcome: decision, claims };
    case 'ok':
      // Without `opened`, a concurrent redemption took the last use since the decision.
      if (!opened) return { outcome: 'invalid', reason: 'used_up', claims };
      await ctx.events.publish(opened.event);
      return { outcome: 'ok', claims, session: opened.session };
    default:
      return { outcome: 'invalid', reason: decision, claims };
  }
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
