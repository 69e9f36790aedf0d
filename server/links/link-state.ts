/**
 * Whether a verified link may still log someone in, and taking a use of it. The token proves who
 * and where; the magic_links row and the subject's linksValidAfter say whether it still counts.
 */
import { and, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import type { DbOrTx } from '../db/database.ts';
import { contacts, magicLinks, staffUsers } from '../db/schema.ts';
import type { LinkAudience, LinkClaims } from './link-token.ts';
import { endSubjectSessions } from '../auth/sessions.ts';

export type LinkUsability = 'ok' | 'unknown' | 'revoked' | 'used_up';

/**
 * One indexed query: the link row by jti with its subject's linksValidAfter.
 * 'unknown' also covers a row that disagrees with the signed claims, and a deleted subject.
 * Expiry is the token's business (verifyLinkToken); `now` is taken for symmetry with the other
 * checks of a redemption and is currently unused.
 */
export async function checkLinkUsable(db: DbOrTx, claims: LinkClaims, now: Date): Promise<LinkUsability> {
  return (await linkUsability(db, claims, now)).state;
}

/** The same check, also giving the link's use limit (redemption asks single-use links to confirm). */
export async function linkUsability(
  db: DbOrTx,
  claims: LinkClaims,
  _now: Date,
): Promise<{ state: LinkUsability; maxUses: number | null; uses: number }> {
  const [row] = await db
    .select({
      siteId: magicLinks.siteId,
      kind: magicLinks.kind,
      subjectId: magicLinks.subjectId,
      destination: magicLinks.destination,
      issuedAt: magicLinks.issuedAt,
      maxUses: magicLinks.maxUses,
      uses: magicLinks.uses,
      revokedAt: magicLinks.revokedAt,
      contactId: contacts.id,
      contactValidAfter: contacts.linksValidAfter,
      staffId: staffUsers.id,
      staffValidAfter: staffUsers.linksValidAfter,
    })
    .from(magicLinks)
    .leftJoin(
      contacts,
      and(eq(magicLinks.kind, 'learner'), eq(contacts.id, magicLinks.subjectId), eq(contacts.siteId, magicLinks.siteId)),
    )
    .leftJoin(
      staffUsers,
      and(eq(magicLinks.kind, 'user'), eq(staffUsers.id, magicLinks.subjectId), eq(staffUsers.siteId, magicLinks.siteId)),
    )
    .where(eq(magicLinks.jti, claims.jti))
    .limit(1);
  if (!row) return judgeLinkRow(undefined);
  const validAfter = row.kind === 'learner' ? row.contactValidAfter : row.staffValidAfter;
  return judgeLinkRow({
    matchesClaims:
      row.siteId === claims.iss && row.kind === claims.aud && row.subjectId === claims.sub && row.destination === claims.dest,
    subjectExists: row.kind === 'learner' ? row.contactId !== null : row.staffId !== null,
    revoked: row.revokedAt !== null,
    cutOff: validAfter !== null && row.issuedAt.getTime() <= validAfter.getTime(),
    maxUses: row.maxUses,
    uses: row.uses,
  });
}

/** What the link's row says, reduced to the facts the verdict needs (computed in JS or in SQL). */
interface LinkRowFacts {
  /** The row's site, kind, subject and destination are the signed claims'. */
  matchesClaims: boolean;
  subjectExists: boolean;
  revoked: boolean;
  /** Issued at or before the subject's "revoke all links" cut-off. */
  cutOff: boolean;
  maxUses: number | null;
  uses: number;
}

/** The one verdict on a link row, whichever query read it. */
function judgeLinkRow(row: LinkRowFacts | undefined): { state: LinkUsability; maxUses: number | null; uses: number } {
  if (!row) return { state: 'unknown', maxUses: null, uses: 0 };
  if (!row.matchesClaims) return { state: 'unknown', maxUses: null, uses: row.uses };
  if (!row.subjectExists) return { state: 'unknown', maxUses: row.maxUses, uses: row.uses };
  if (row.revoked || row.cutOff) return { state: 'revoked', maxUses: row.maxUses, uses: row.uses };
  if (row.maxUses !== null && row.uses >= row.maxUses) return { state: 'used_up', maxUses: row.maxUses, uses: row.uses };
  return { state: 'ok', maxUses: row.maxUses, uses: row.uses };
}

/**
 * linkUsability and the audience's access check in ONE statement (redemption's hot path):
 * `admits` is a boolean SQL expression over the claimed site and subject. `admitted` is only
 * meaningful when the state is 'ok'.
 */
export async function linkUsabilityAndAccess(
  db: DbOrTx,
  claims: LinkClaims,
  admits: SQL,
): Promise<{ state: LinkUsability; maxUses: number | null; uses: number; admitted: boolean }> {
  const [row] = await queryRows<LinkRowFacts & { admitted: boolean }>(
    db,
    sql`select
        (l.site_id::text = ${claims.iss} and l.kind = ${claims.aud} and l.subject_id::text = ${claims.sub} and l.destination = ${claims.dest}) as "matchesClaims",
        (case l.kind when 'learner' then c.id is not null else s.id is not null end) as "subjectExists",
        (l.revoked_at is not null) as "revoked",
        coalesce(l.issued_at <= (case l.kind when 'learner' then c.links_valid_after else s.links_valid_after end), false) as "cutOff",
        l.max_uses as "maxUses",
        l.uses as "uses",
        (${admits}) as "admitted"
      from magic_links l
      left join contacts c on l.kind = 'learner' and c.id = l.subject_id and c.site_id = l.site_id
      left join staff_users s on l.kind = 'user' and s.id = l.subject_id and s.site_id = l.site_id
      where l.jti = ${claims.jti}
      limit 1`,
  );
  return { ...judgeLinkRow(row), admitted: row?.admitted === true };
}

/**
 * Takes one use of a link atomically: true when a use was taken. Of concurrent redemptions of a
 * single-use link exactly one wins (the conditional UPDATE re-checks `uses` under the row lock).
 * `atMost` narrows the row's own limit (User Links minted before they were single-use).
 * Call it only for the redemption that logs in (the POST confirmation), never for GET/HEAD.
 */
export async function consumeLinkUse(db: DbOrTx, jti: string, atMost?: number | null): Promise<boolean> {
  const rows = await db
    .update(magicLinks)
    .set({ uses: sql`${magicLinks.uses} + 1` })
    .where(
      and(
        eq(magicLinks.jti, jti),
        isNull(magicLinks.revokedAt),
        or(isNull(magicLinks.maxUses), lt(magicLinks.uses, magicLinks.maxUses)),
        // A stricter limit the audience applies (staff links: once), whatever the row recorded.
        atMost === undefined || atMost === null ? undefined : lt(magicLinks.uses, atMost),
      ),
    )
    .returning({ uses: magicLinks.uses });
  return rows.length === 1;
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
