/**
 * Whether a verified link may still log someone in (its state, in SQL), and revoking links. The
 * token proves who and where; the magic_links row and the subject's linksValidAfter say whether it
 * still counts. Taking a use is the redemption statement's (server/auth/redemption-write.ts).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import type { DbOrTx } from '../db/database.ts';
import { contacts, magicLinks, staffUsers } from '../db/schema.ts';
import type { LinkAudience, LinkClaims } from './link-token.ts';
import { endSubjectSessions } from '../auth/sessions.ts';

export type LinkUsability = 'ok' | 'unknown' | 'revoked' | 'used_up';

/**
 * The one verdict on a link, as SQL so that the redemption statement (server/auth/redemption-write.ts)
 * acts on it in the same round trip: over `linkRowSql`'s `l` (the link's row, null when there is
 * none) and its subject, `c` (a contact) or `s` (a staff user).
 * 'unknown' covers no row, a row that disagrees with the signed claims, and a deleted subject;
 * 'revoked' the link's own revocation and its subject's "revoke all links" cut-off (a link issued
 * at or before it); 'used_up' the row's own use limit. Expiry is the token's business.
 */
export function linkStateSql(claims: LinkClaims): SQL {
  return sql`case
    when l.jti is null then 'unknown'
    when not (l.site_id::text = ${claims.iss} and l.kind = ${claims.aud} and l.subject_id::text = ${claims.sub} and l.destination = ${claims.dest}) then 'unknown'
    when (case l.kind when 'learner' then c.id else s.id end) is null then 'unknown'
    when l.revoked_at is not null
      or coalesce(l.issued_at <= (case l.kind when 'learner' then c.links_valid_after else s.links_valid_after end), false) then 'revoked'
    when l.max_uses is not null and l.uses >= l.max_uses then 'used_up'
    else 'ok'
  end`;
}

/** One row whether or not the link exists: `l`, its contact `c` and its staff user `s` (an indexed lookup by jti). */
export function linkRowSql(jti: string): SQL {
  return sql`(select 1) as one
    left join magic_links l on l.jti = ${jti}
    left join contacts c on l.kind = 'learner' and c.id = l.subject_id and c.site_id = l.site_id
    left join staff_users s on l.kind = 'user' and s.id = l.subject_id and s.site_id = l.site_id`;
}

/**
 * Whether a verified link may still log someone in (one indexed query). `now` is taken for
 * symmetry with the other checks of a redemption; expiry is verifyLinkToken's.
 */
export async function checkLinkUsable(db: DbOrTx, claims: LinkClaims, _now: Date): Promise<LinkUsability> {
  const [row] = await queryRows<{ state: LinkUsability }>(db, sql`select ${linkStateSql(claims)} as state from ${linkRowSql(claims.jti)}`);
  return row.state;
}

/**
 * "Revoke all links" of a contact (learner) or staff user (user): links issued at or before `now`
 * stop working, and the sessions those links opened end — a revoked member is logged out, not just
 * unable to log in again. Never moves an existing cut-off backwards. False when the site has no
 * such subject. Run it in a transaction when both must happen together.
 */
export async function revokeSubjectLinks(
  db: DbOrTx,
  siteId: string,
  subjectKind: LinkAudience,
  subjectId: string,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const table = subjectKind === 'learner' ? contacts : staffUsers;
  const rows = await db
    .update(table)
    .set({ linksValidAfter: sql`greatest(${table.linksValidAfter}, ${at}::timestamptz)` })
    .where(and(eq(table.siteId, siteId), eq(table.id, subjectId)))
    .returning({ id: table.id });
  if (rows.length !== 1) return false;
  await endSubjectSessions(db, siteId, subjectKind === 'learner' ? 'member' : 'staff', subjectId, now);
  return true;
}

/** Revokes one link of a site; false when the site has no link with that jti. */
export async function revokeLink(db: DbOrTx, siteId: string, jti: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(magicLinks)
    .set({ revokedAt: sql`coalesce(${magicLinks.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(magicLinks.siteId, siteId), eq(magicLinks.jti, jti)))
    .returning({ jti: magicLinks.jti });
  return rows.length === 1;
}

/** What a contact's link table shows for one issued link. */
export type IssuedLinkState = 'active' | 'revoked' | 'expired' | 'used_up';

/**
 * The state of an issued link as redemption would judge it now: revoked by itself or by the
 * subject's "revoke all" cut-off (a link issued at or before it), expired, used up, else active.
 */
export function issuedLinkState(
  link: { issuedAt: Date; expiresAt: Date; revokedAt: Date | null; maxUses: number | null; uses: number },
  subjectValidAfter: Date | null,
  now: Date,
): IssuedLinkState {
  if (link.revokedAt || (subjectValidAfter && link.issuedAt.getTime() <= subjectValidAfter.getTime())) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (link.maxUses !== null && link.uses >= link.maxUses) return 'used_up';
  return 'active';
}
