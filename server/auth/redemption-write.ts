/**
 * What a successful redemption writes, in ONE statement (data-modifying CTEs, PostgreSQL 15 and
 * PGlite): take one use of the link, open the session, record the attempt and store the
 * link.redeemed event. One statement is one atomic change, so there is no begin/commit round
 * trip, and the conditional UPDATE still re-checks the use count under the row lock: of
 * concurrent redemptions of a single-use link exactly one opens a session; the others record
 * 'invalid:used_up' in the same statement and write nothing else.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { DomainEvent, DomainEventMap } from '../events/event-bus.ts';
import { redemptionIpHash } from '../links/link-redemptions.ts';
import type { LinkClaims } from '../links/link-token.ts';
import { newSession, type OpenedSession, type SessionAudience } from './sessions.ts';

export interface RedemptionWrite {
  siteId: string;
  claims: LinkClaims;
  session: SessionAudience;
  /** The audience's use limit (null = unlimited), applied on top of the row's own. */
  atMost: number | null;
  /**
   * False for a login code (server/auth/redeem-login-code.ts): the code stands in for the link
   * without taking one of its uses, so only "not revoked" is re-checked and `uses` stays put.
   */
  takesUse?: boolean;
  payload: DomainEventMap['link.redeemed'];
  ip: string;
  now: Date;
}

/** The opened session and the stored event to publish, or null when the link was used up meanwhile. */
export async function writeRedemption(
  db: DbOrTx,
  write: RedemptionWrite,
): Promise<{ session: OpenedSession; event: DomainEvent<'link.redeemed'> } | null> {
  const { siteId, claims, now } = write;
  const session = newSession(write.session, now);
  const takesUse = write.takesUse ?? true;
  const [row] = await queryRows<{ eventId: string | null; eventAt: number | null }>(
    db,
    sql`with used as (
        update magic_links set uses = uses + ${takesUse ? 1 : 0}
        where jti = ${claims.jti}
          and revoked_at is null
          and (not ${takesUse}::boolean or (
            (max_uses is null or uses < max_uses)
            and (${write.atMost}::int is null or uses < ${write.atMost}::int)))
        returning jti
      ), opened as (
        insert into sessions (site_id, audience, subject_id, token_hash, expires_at)
        select ${siteId}::uuid, ${write.session}, ${claims.sub}::uuid, ${session.tokenHash}, ${session.expiresAt.toISOString()}::timestamptz
        from used
        returning id
      ), recorded as (
        insert into link_redemptions (site_id, jti, subject_id, outcome, ip_hash, created_at)
        values (${siteId}::uuid, ${claims.jti}, ${claims.sub}::uuid,
          case when exists (select 1 from used) then 'ok' else 'invalid:used_up' end,
          ${redemptionIpHash(siteId, write.ip)}, ${now.toISOString()}::timestamptz)
        returning id
      ), event as (
        insert into domain_events (site_id, type, payload)
        select ${siteId}::uuid, 'link.redeemed', ${JSON.stringify(write.payload)}::jsonb
        from used
        returning id, created_at
      )
      select
        (select id::text from event) as "eventId",
        (select extract(epoch from created_at)::float8 * 1000 from event) as "eventAt",
        (select count(*)::int from opened) + (select count(*)::int from recorded) as "written"`,
  );
  if (!row?.eventId || row.eventAt === null) return null;
  return {
    session: { token: session.token, expiresAt: session.expiresAt },
    event: { id: row.eventId, siteId, type: 'link.redeemed', payload: write.payload, createdAt: new Date(row.eventAt) },
  };
}
