/**
 * A magic link as long as a real one, for previews and the SMS counter: a link is most of an SMS,
 * so counting `{{magic_link.courses}}` as 22 characters would be a lie. The token is built like a
 * real one (HS256 JWT, same header and claims, same value lengths) but signed by no key.
 */
import type { MagicLinkKind } from './magic-link-keys';
import { originOfSiteHost } from './short-link';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Realistic shapes: key ids and jtis are 16 random bytes in base64url (22 chars), ids are UUIDs,
// times are ten-digit epoch seconds.
const SAMPLE_KEY_ID = 'q3Zr8VwXb1Kp0LmN7sTa2g';
const SAMPLE_SITE_ID = '0b6d3f5e-2a41-4c7e-9f18-6e2d9a4c1b37';
const SAMPLE_CONTACT_ID = '7c1e9a42-5d3b-4f86-a0e2-3b8f6d1c9e54';
const SAMPLE_JTI = 'Yd4kP9sQ2wLx7NcV1bHm5g';
const SAMPLE_ISSUED_AT = 1_767_225_600;
const SAMPLE_EXPIRES_AT = 1_798_761_600;
const SAMPLE_SIGNATURE = base64url(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 65 + i)));

export function sampleMagicLinkToken(destination: string, kind: MagicLinkKind = 'learner'): string {
  const header = { alg: 'HS256', kid: SAMPLE_KEY_ID, typ: 'JWT' };
  const claims = {
    iss: SAMPLE_SITE_ID,
    aud: kind,
    sub: SAMPLE_CONTACT_ID,
    dest: destination,
    iat: SAMPLE_ISSUED_AT,
    exp: SAMPLE_EXPIRES_AT,
    jti: SAMPLE_JTI,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${SAMPLE_SIGNATURE}`;
}

/** `https://<host>/<destination>?token=<JWT>`: the shape the member routes redeem (`siteHost` may be an origin). */
export function sampleMagicLinkUrl(siteHost: string, destination: string, kind: MagicLinkKind = 'learner'): string {
  return `${originOfSiteHost(siteHost)}/${destination}?token=${sampleMagicLinkToken(destination, kind)}`;
}

/** A long custom domain and a deep destination (one community by UUID): a safe upper estimate. */
export const LONGEST_PLAUSIBLE_SITE_HOST = 'members.the-analytical-engine-academy.example.com';
export const LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH = sampleMagicLinkUrl(
  LONGEST_PLAUSIBLE_SITE_HOST,
  'communities/3f9a1c7e-8b2d-4e6f-a5c0-9d1b7e3f2a64',
).length;
