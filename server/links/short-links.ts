/**
 * Short links (`{member site}/l/{code}`, src/template/short-link.ts): the code is drawn at mint time
 * and only its SHA-256 is stored, on the link's own magic_links row (written in the same INSERT).
 *
 * Redeeming one resolves the code to its row and re-signs the row's claims with the key that signed
 * the link (HS256 is deterministic over the same claims): the result is the link's own token, which
 * then takes exactly the long link's path — signature and key status, expiry, revocation, access,
 * use policy, confirm-by-POST, session, failure pages. A retired key or a deleted row makes the
 * short link fail like the long one; nothing here decides whether a link may log in. The
 * confirmation and expired pages carry that token in their forms, as for the long link: whoever
 * holds the short link holds the same credential (same jti, uses, expiry and revocation).
 */
import { storedLinkClaims } from './stored-link-claims.ts';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DbOrTx } from '../db/database.ts';
import { magicLinks } from '../db/schema.ts';
import type { Site } from '../sites/site-repository.ts';
import { SHORT_LINK_CODE_LENGTH, SHORT_LINK_CODE_PATTERN, SHORT_LINK_PATH } from '../../src/template/short-link.ts';
import type { KeyRing } from './key-ring.ts';
import { mintLinkToken, type LinkClaims } from './link-token.ts';

/**
 * Preview short links carry this code (the length of a real one, so a preview's SMS has the length
 * of the real one). It is not base64url-shaped like a minted code ('.' is not in the alphabet), so no
 * minted code can equal it; the member site answers it with the preview page.
 */
export const PREVIEW_SHORT_CODE = 'preview.'.padEnd(SHORT_LINK_CODE_LENGTH, '.');

/** What is stored: the code's SHA-256, base64url. The code itself is never stored or logged. */
export function hashShortCode(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}

export type ShortLinkResolution =
  | { kind: 'preview' }
  /** No such code on this site (or not a code's shape at all). */
  | { kind: 'unknown' }
  /** The link's key is retired: the long link would fail the same way. */
  | { kind: 'key_retired'; claims: LinkClaims }
  | { kind: 'token'; token: string };

/** The code from a short link's URL path (`/l/{code}`), or null when the path is not a short link's. */
export function shortCodeOfPath(pathname: string): string | null {
  if (!pathname.startsWith(SHORT_LINK_PATH)) return null;
  return pathname.slice(SHORT_LINK_PATH.length).replace(/\/$/, '');
}

/** Resolves a short code of this site's learner links to the link's token. */
export async function resolveShortLink(
  db: DbOrTx,
  ring: Pick<KeyRing, 'verificationKey'>,
  site: Pick<Site, 'id'>,
  code: string,
): Promise<ShortLinkResolution> {
  if (code === PREVIEW_SHORT_CODE) return { kind: 'preview' };
  if (typeof code !== 'string' || !SHORT_LINK_CODE_PATTERN.test(code)) return { kind: 'unknown' };
  const [row] = await db
    .select()
    .from(magicLinks)
    .where(and(eq(magicLinks.shortCodeHash, hashShortCode(code)), eq(magicLinks.siteId, site.id), eq(magicLinks.kind, 'learner')))
    .limit(1);
  if (!row) return { kind: 'unknown' };
  const claims = storedLinkClaims(row);
  const key = await ring.verificationKey(row.kid);
  if (!key || key.status === 'retired' || key.siteId !== site.id) return { kind: 'key_retired', claims };
  return { kind: 'token', token: await mintLinkToken({ kid: key.kid, key: key.key, hmac: key.hmac }, claims) };
}

/** What the redemption records for a code that resolved to no link (never the code). */
export const UNKNOWN_SHORT_LINK_OUTCOME = 'invalid:unknown_short_link';

/** Resolution for a member-site request, via the app's database and key ring. */
export function resolveShortLinkFor(ctx: AppContext, site: Pick<Site, 'id'>, code: string): Promise<ShortLinkResolution> {
  return resolveShortLink(ctx.db, ctx.keyRing, site, code);
}
