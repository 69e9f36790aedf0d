/**
 * A redemption after its signature, in ONE statement (data-modifying CTEs, PostgreSQL 15 and
 * PGlite): decide from the link's row, its subject and the audience's access check; take one use
 * of the link when the decision is 'ok'; open the session; record the attempt; store the
 * link.redeemed event. One statement is one round trip and one atomic change (no begin/commit),
 * and the conditional UPDATE re-checks the use count under the row lock: of concurrent
 * redemptions of a single-use link exactly one opens a session; the others record
 * 'invalid:used_up' and write nothing else.
 *
 * A login code (server/auth/redeem-login-code.ts) uses the same statement after its own checks:
 * it stands in for the link without taking one of its uses, so only "not revoked" is re-checked.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { DomainEvent, DomainEventMap } from '../events/event-bus.ts';
import { redemptionIpHash } from '../links/link-redemptions.ts';
import { linkRowSql, linkStateSql, type LinkUsability } from '../links/link-state.ts';
import type { LinkClaims } from '../links/link-token.ts';
import type { StatementHit } from '../http/rate-limiter.ts';
import { newSession, type OpenedSession, type SessionAudience } from './sessions.ts';

/**
 * What the statement decided before writing: over the rate limit, else the link's state when it is
 * not 'ok', else the audience's verdict.
 */
export type RedemptionDecision = 'rate_limited' | Exclude<LinkUsability, 'ok'> | 'no_access' | 'confirm' | 'ok';

/** How a link redemption decides (a login code has decided before it writes: `decide: 'decided'`). */
export interface LinkDecision {
  /** The audience's access check, a boolean SQL expression (RedemptionAudience.admitsSql). */
  admits: SQL;
  /** The audience's use limit on top of the row's own (null = only the row's). */
  useLimit: number | null;
  /** A person's POST: a link with a use limit asks to confirm otherwise ('confirm', nothing written). */
  confirmed: boolean;
  /** The request's rate-limit hit, counted by this statement ('rate_limited' over the limit: nothing else written). */
  hit?: StatementHit;
}

export interface RedemptionWrite {
  siteId: string;
  claims: LinkClaims;
  session: SessionAudience;
  /** A link's redemption decides in the statement; a login code passes 'decided' (and takes no use). */
  decide: LinkDecision | 'decided';
  payload: DomainEventMap['link.redeemed'];
  ip: string;
  now: Date;
}

export interface RedemptionWritten {
  decision: RedemptionDecision;
  /** Seconds to wait when 'rate_limited'. */
  wait: number;
  /** Present when the use was taken and the session opened ('ok' without it: used up meanwhile). */
  opened?: { session: OpenedSession; event: DomainEvent<'link.redeemed'> };
}

function decisionSql(claims: LinkClaims, decide: LinkDecision): SQL {
  const limit = sql`${decide.useLimit}::int`;
  const over = decide.hit ? sql`(select hits from hit) > ${decide.hit.limit}::int` : sql`false`;
  return sql`select case
      when ${over} then 'rate_limited'
      when link.state <> 'ok' then link.state
      when ${limit} is not null and link.uses >= ${limit} then 'used_up'
      when not link.admitted then 'no_access'
      when not ${decide.confirmed}::boolean and (link.max_uses is not null or ${limit} is not null) then 'confirm'
      else 'ok'
    end as decision
    from (select ${linkStateSql(claims)} as state, l.uses, l.max_uses, (${decide.admits}) as admitted from ${linkRowSql(claims.jti)}) as link`;
}

/** The statement a redemption runs (pure: `session` is the one it opens when it takes the use). */
export function redemptionStatement(write: RedemptionWrite, session: { tokenHash: string; expiresAt: Date }): SQL {
  const { siteId, claims, now, decide } = write;
  const takesUse = decide !== 'decided';
  const useLimit = takesUse ? decide.useLimit : null;
  const hit = takesUse ? decide.hit : undefined;
  return sql`with ${hit ? sql`hit as (${hit.statement}), ` : sql``}decided as (${takesUse ? decisionSql(claims, decide) : sql`select 'ok'::text as decision`}
      ), used as (
        update magic_links set uses = uses + ${takesUse ? 1 : 0}
        where jti = ${claims.jti}
          and (select decision from decided) = 'ok'
          and revoked_at is null
          and (not ${takesUse}::boolean or (
            (max_uses is null or uses < max_uses)
            and (${useLimit}::int is null or uses < ${useLimit}::int)))
        returning jti
      ), opened as (
        insert into sessions (site_id, audience, subject_id, token_hash, expires_at)
        select ${siteId}::uuid, ${write.session}, ${claims.sub}::uuid, ${session.tokenHash}, ${session.expiresAt.toISOString()}::timestamptz
        from used
        returning id
      ), recorded as (
        insert into link_redemptions (site_id, jti, subject_id, outcome, ip_hash, created_at)
        select ${siteId}::uuid, ${claims.jti}, ${claims.sub}::uuid,
          case
            when exists (select 1 from used) then 'ok'
            when decision = 'ok' then 'invalid:used_up'
            when decision = 'no_access' then 'no_access'
            else 'invalid:' || decision
          end,
          ${redemptionIpHash(siteId, write.ip)}, ${now.toISOString()}::timestamptz
        from decided
        -- Asked to confirm is no attempt yet; over the rate limit is not looked at (as before any redemption).
        where decision not in ('confirm', 'rate_limited')
        returning id
      ), event as (
        insert into domain_events (site_id, type, payload)
        select ${siteId}::uuid, 'link.redeemed', ${JSON.stringify(write.payload)}::jsonb
        from used
        returning id, created_at
      )
      select
        (select decision from decided) as "decision",
        ${hit ? sql`(select "windowStart" from hit) as "windowStart", (select hits from hit) as "hits",` : sql``}
        (select id::text from event) as "eventId",
        (select extract(epoch from created_at)::float8 * 1000 from event) as "eventAt",
        (select count(*)::int from opened) + (select count(*)::int from recorded) as "written"`;
}

export async function writeRedemption(db: DbOrTx, write: RedemptionWrite): Promise<RedemptionWritten> {
  const { siteId, now, decide } = write;
  const session = newSession(write.session, now);
  const hit = decide !== 'decided' ? decide.hit : undefined;
  const [row] = await queryRows<{ decision: RedemptionDecision; windowStart: number | null; hits: number | null; eventId: string | null; eventAt: number | null }>(
    db,
    redemptionStatement(write, session),
    { prepared: true },
  );
  const wait = hit && row.windowStart !== null && row.hits !== null ? hit.wait({ windowStart: row.windowStart, hits: row.hits }) : 0;
  if (!row.eventId || row.eventAt === null) return { decision: row.decision, wait };
  return {
    decision: row.decision,
    wait,
    opened: {
      session: { token: session.token, expiresAt: session.expiresAt },
      event: { id: row.eventId, siteId, type: 'link.redeemed', payload: write.payload, createdAt: new Date(row.eventAt) },
    },
  };
}
