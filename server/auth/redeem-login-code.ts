/**
 * Logging in with a login code (server/auth/login-codes.ts), for both audiences. The code stands
 * in for the link it was sent with: the link's record still decides (revoked, or its subject gone,
 * means no), the audience's own check still applies (an active offer; still on the staff), and
 * the session, record and event come from the one redemption statement (redemption-write.ts). What it never
 * does is take a use of the link — and using the link never spends the code.
 *
 * Every attempt first takes one of the request's 5 attempts in a single conditional UPDATE, so
 * concurrent guesses can't overrun the limit; the code is then compared in constant time.
 * Wrong, expired, used, locked and unknown all answer alike: the form must not tell whether an
 * address belongs to anyone.
 */
import { storedLinkClaims } from '../links/stored-link-claims.ts';
import { and, eq, gt, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { contacts, loginCodes, magicLinks, staffUsers } from '../db/schema.ts';
import { inTransaction } from '../events/transaction.ts';
import { checkLinkUsable } from '../links/link-state.ts';
import { findSiteByRef, type Site } from '../sites/site-repository.ts';
import { UUID_PATTERN } from '../../src/template/uuid.ts';
import { LOGIN_CODE_MAX_ATTEMPTS, loginCodeMatches } from './login-codes.ts';
import type { Redemption, RedemptionAudience } from './redeem-link.ts';
import { writeRedemption } from './redemption-write.ts';

/** Which request the code is for: named by the page, or every live request of an address. */
export type CodeTarget = { requestId: string; siteId?: string } | { email: string; siteId?: string };

export type CodeRedemption =
  | { outcome: 'wrong' }
  | { outcome: 'no_access'; site: Site }
  | (Extract<Redemption, { outcome: 'ok' }> & { site: Site });

export async function redeemLoginCode(
  ctx: AppContext,
  audience: RedemptionAudience,
  target: CodeTarget,
  code: string,
  ip: string,
): Promise<CodeRedemption> {
  if ('requestId' in target && !UUID_PATTERN.test(target.requestId)) return { outcome: 'wrong' };
  const now = ctx.now();
  const result = await inTransaction(ctx, async (tx) => {
    const subjects = (): SQL => {
      if ('requestId' in target) return eq(loginCodes.id, target.requestId);
      const table = audience.link === 'learner' ? contacts : staffUsers;
      const ids = tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.email, (target as { email: string }).email), target.siteId ? eq(table.siteId, target.siteId) : undefined));
      return inArray(loginCodes.subjectId, ids);
    };
    // One query whether or not the address is anyone's: takes an attempt of every live request.
    const live = await tx
      .update(loginCodes)
      .set({ attempts: sql`${loginCodes.attempts} + 1` })
      .where(
        and(
          subjects(),
          eq(loginCodes.kind, audience.link),
          target.siteId ? eq(loginCodes.siteId, target.siteId) : undefined,
          isNull(loginCodes.consumedAt),
          gt(loginCodes.expiresAt, now),
          lt(loginCodes.attempts, LOGIN_CODE_MAX_ATTEMPTS),
        ),
      )
      .returning({ id: loginCodes.id, siteId: loginCodes.siteId, jti: loginCodes.jti, codeHash: loginCodes.codeHash });
    // Compare with every one (no early exit), each in constant time.
    let matched: (typeof live)[number] | undefined;
    for (const row of live) if (loginCodeMatches(ctx.masterKey, row.id, code, row.codeHash)) matched ??= row;
    if (!matched) return { outcome: 'wrong' } as const;

    const [link] = await tx.select().from(magicLinks).where(eq(magicLinks.jti, matched.jti)).limit(1);
    const site = link && (await findSiteByRef(tx, matched.siteId));
    if (!link || !site) return { outcome: 'wrong' } as const;
    const claims = storedLinkClaims(link);
    // Revoked (one link, or "revoke all") or its subject gone: the code goes with the link.
    // Used up is the link's own business: the code is a credential of its own.
    const state = await checkLinkUsable(tx, claims, now);
    if (state !== 'ok' && state !== 'used_up') return { outcome: 'wrong' } as const;
    if (!(await audience.admits(tx, site, claims))) return { outcome: 'no_access', site } as const;
    const consumed = await tx
      .update(loginCodes)
      .set({ consumedAt: now })
      .where(and(eq(loginCodes.id, matched.id), isNull(loginCodes.consumedAt)))
      .returning({ id: loginCodes.id });
    if (consumed.length !== 1) return { outcome: 'wrong' } as const;
    const { opened } = await writeRedemption(tx, {
      siteId: site.id,
      claims,
      session: audience.session,
      decide: 'decided',
      payload: { jti: claims.jti, subjectId: claims.sub, kind: audience.link, destination: claims.dest },
      ip,
      now,
    });
    // Revoked between the check and the write: the code was spent on nothing, which is safe.
    if (!opened) return { outcome: 'wrong' } as const;
    return { outcome: 'ok', claims, session: opened.session, site, event: opened.event } as const;
  });
  if (result.outcome !== 'ok') return result;
  // Published once the transaction (code spent, session open) has committed, as links do.
  const { event, ...redeemed } = result;
  await ctx.events.publish(event);
  return redeemed;
}
