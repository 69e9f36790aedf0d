/**
 * Taking one use of a link the way a person's confirmed redemption does: the one redemption
 * statement (server/auth/redemption-write.ts) with the audience's access check granted, so the
 * use counting (the conditional UPDATE under the row lock) is what a test races.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/database.ts';
import { magicLinks } from '../../server/db/schema.ts';
import { writeRedemption } from '../../server/auth/redemption-write.ts';
import { storedLinkClaims } from '../../server/links/stored-link-claims.ts';
import type { LinkClaims } from '../../server/links/link-token.ts';

/** True when the redemption took a use and opened a session. */
export async function takeLinkUse(db: DbOrTx, claims: LinkClaims): Promise<boolean> {
  const { opened } = await writeRedemption(db, {
    siteId: claims.iss,
    claims,
    session: claims.aud === 'learner' ? 'member' : 'staff',
    decide: { admits: sql`true`, useLimit: null, confirmed: true },
    payload: { jti: claims.jti, subjectId: claims.sub, kind: claims.aud, destination: claims.dest },
    ip: '127.0.0.1',
    now: new Date(),
  });
  return opened !== undefined;
}

/** The claims of a recorded link, by jti (for tests that minted without verifying a token). */
export async function recordedLinkClaims(db: DbOrTx, jti: string): Promise<LinkClaims> {
  const [row] = await db.select().from(magicLinks).where(eq(magicLinks.jti, jti));
  return storedLinkClaims(row);
}
