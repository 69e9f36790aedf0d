import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { sessions } from '../db/schema.ts';
import { randomToken, sha256Hex } from '../crypto/secrets.ts';

export type SessionAudience = 'staff' | 'member';

export const SESSION_COOKIE: Record<SessionAudience, string> = { staff: 'ml_staff', member: 'ml_member' };
const SESSION_TTL_MS: Record<SessionAudience, number> = { staff: 12 * 3600_000, member: 30 * 24 * 3600_000 };

export interface OpenedSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** A fresh session's cookie value, the hash stored for it and its expiry (stored by openSession or redemption's one statement). */
export function newSession(audience: SessionAudience, now: Date): OpenedSession & { tokenHash: string } {
  const token = randomToken(32);
  return { token, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + SESSION_TTL_MS[audience]) };
}

export async function openSession(
  db: DbOrTx,
  audience: SessionAudience,
  siteId: string,
  subjectId: string,
  now: Date,
): Promise<OpenedSession> {
  const { token, tokenHash, expiresAt } = newSession(audience, now);
  await db.insert(sessions).values({ siteId, audience, subjectId, tokenHash, expiresAt });
  return { token, expiresAt };
}

export async function findSession(
  db: DbOrTx,
  audience: SessionAudience,
  token: string,
  now: Date,
): Promise<{ siteId: string; subjectId: string } | null> {
  const [row] = await db
    .select({ siteId: sessions.siteId, subjectId: sessions.subjectId })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, sha256Hex(token)),
        eq(sessions.audience, audience),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function closeSession(db: DbOrTx, token: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, sha256Hex(token)));
}

/** Ends every open session of one subject (a contact or a staff user) on a site, e.g. on "revoke all links". */
export async function endSubjectSessions(db: DbOrTx, siteId: string, audience: SessionAudience, subjectId: string, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.siteId, siteId), eq(sessions.audience, audience), eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
