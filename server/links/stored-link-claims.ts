/**
 * The claims a stored link row was minted with: iat is the issue instant's whole second, exp the
 * recorded expiry. Short links and login codes rebuild a link's own token from its row with it.
 */
import type { magicLinks } from '../db/schema.ts';
import type { LinkClaims } from './link-token.ts';

type StoredLink = Pick<typeof magicLinks.$inferSelect, 'siteId' | 'kind' | 'subjectId' | 'destination' | 'issuedAt' | 'expiresAt' | 'jti'>;

export function storedLinkClaims(link: StoredLink): LinkClaims {
  return {
    iss: link.siteId,
    aud: link.kind,
    sub: link.subjectId,
    dest: link.destination,
    iat: Math.floor(link.issuedAt.getTime() / 1000),
    exp: Math.floor(link.expiresAt.getTime() / 1000),
    jti: link.jti,
  };
}
