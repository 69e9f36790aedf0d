/**
 * The magic-link token: a compact JWS (HS256) naming one site (iss), one kind (aud), one subject
 * (sub), one destination (dest) and its lifetime; jti ties it to its magic_links row.
 * Header is exactly `{ alg: 'HS256', kid, typ: 'JWT' }`.
 *
 * Verification needs no database round trip beyond the (cached) key lookup; whether the link is
 * still usable (revoked, used up) is link-state.ts's job. Never log a token: log its jti.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT, decodeProtectedHeader } from 'jose';
import { isValidDestinationFor } from './destinations.ts';
import type { LinkCryptoKey, VerificationKeySource } from './key-ring.ts';
import { KID_PATTERN, SIGNING_ALGORITHM } from './signing-keys.ts';
import { UUID_PATTERN, isCanonicalUuid } from '../../src/template/uuid.ts';

export type LinkAudience = 'learner' | 'user';
export const LINK_AUDIENCES: readonly LinkAudience[] = ['learner', 'user'];

export interface LinkClaims {
  /** The site id. */
  iss: string;
  aud: LinkAudience;
  /** The contact (learner) or staff user (user) id. */
  sub: string;
  /** Path below the member site root; '' for user links. */
  dest: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** 16 random bytes, base64url. */
  jti: string;
}

export type LinkFailureReason =
  | 'malformed'
  | 'bad_signature'
  | 'unknown_key'
  | 'retired_key'
  | 'wrong_site'
  | 'wrong_audience'
  | 'expired';

export type LinkVerification =
  | { ok: true; claims: LinkClaims; kid: string }
  /** `claims` only when the signature verified and the token is this site's (wrong_audience, expired). */
  | { ok: false; reason: LinkFailureReason; claims?: LinkClaims };

/** Links in message previews carry this instead of a token: they show the way but log nobody in. */
export const PREVIEW_TOKEN = 'preview';

/** Leeway for clocks of different server processes when checking exp. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Real tokens are ~400 characters; anything much longer is refused before parsing. */
export const MAX_TOKEN_LENGTH = 2048;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JTI = /^[A-Za-z0-9_-]{22}$/;
const HEADER_KEYS = new Set(['alg', 'kid', 'typ']);

/** The claims when every one is present with its exact type and shape, else null. */
export function parseLinkClaims(payload: unknown): LinkClaims | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const { iss, aud, sub, dest, iat, exp, jti } = p;
  if (!sharedClaimsValid(iss, aud, dest) || !ownClaimsValid(sub, iat, exp, jti)) return null;
  return { iss, aud: aud as LinkAudience, sub, dest: dest as string, iat: iat as number, exp: exp as number, jti: jti as string };
}

/** The claims a signer's links share: the site, the kind and the destination. */
function sharedClaimsValid(iss: unknown, aud: unknown, dest: unknown): iss is string {
  if (typeof iss !== 'string' || !UUID_PATTERN.test(iss)) return false;
  if (aud !== 'learner' && aud !== 'user') return false;
  return isValidDestinationFor(aud, dest);
}

/** The claims each link has of its own: the subject, then the lifetime and the jti. */
function ownClaimsValid(sub: unknown, iat: unknown, exp: unknown, jti: unknown): sub is string {
  return subjectValid(sub) && termsValid(iat, exp, jti);
}

function subjectValid(sub: unknown): sub is string {
  return typeof sub === 'string' && isCanonicalUuid(sub);
}

function termsValid(iat: unknown, exp: unknown, jti: unknown): boolean {
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return false;
  if ((iat as number) < 0 || (exp as number) <= (iat as number)) return false;
  return typeof jti === 'string' && JTI.test(jti);
}

/** base64url of each kid's protected header, computed (and the kid's shape checked) once. */
const encodedHeaders = new Map<string, string>();
function encodedHeader(kid: string): string {
  let header = encodedHeaders.get(kid);
  if (!header) {
    if (!KID_PATTERN.test(kid)) throw new RangeError('Refusing to mint a link token with a malformed kid');
    header = Buffer.from(JSON.stringify({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })).toString('base64url');
    encodedHeaders.set(kid, header);
  }
  return header;
}

const MALFORMED_CLAIMS = 'Refusing to mint a link token with missing or malformed claims';

/** The subject a signer last found valid: equal strings have the same shape. */
let lastValidSubject: string | undefined;

/**
 * Signs the tokens of one key, site, kind and destination as compact JWS (RFC 7515) with node's
 * HMAC-SHA256: byte for byte the structure jose produces and verifies, without its per-call async
 * WebCrypto round trip. A send's links share a few signers, so the kid and the shared claims are
 * checked once, here; each token checks its own (the subject once per recipient). Synchronous: a
 * bulk send's minter pays no promise per link.
 */
export class LinkTokenSigner {
  /** What a minter compares to reuse it: the key and site it signs for. */
  readonly kid: string;
  readonly iss: string;
  readonly #hmac: KeyObject;
  /**
   * The payload's JSON up to the subject's value is the same for every token: its longest start
   * of whole 3-byte groups is encoded once (base64 of `a + b` is base64 of `a`, then of `b`, when
   * `a`'s length is a multiple of 3), with the header before it; the rest goes with each token.
   */
  readonly #encodedStart: string;
  readonly #sharedRest: string;
  #lifetimeOf: [iat: number, exp: number, json: string] = [NaN, NaN, ''];

  constructor(signing: { kid: string; hmac: KeyObject }, shared: Pick<LinkClaims, 'iss' | 'aud' | 'dest'>) {
    const { iss, aud, dest } = shared;
    if (!sharedClaimsValid(iss, aud, dest)) throw new RangeError(MALFORMED_CLAIMS);
    const header = encodedHeader(signing.kid);
    this.kid = signing.kid;
    this.#hmac = signing.hmac;
    this.iss = iss;
    // The same JSON JSON.stringify writes for the claims, written directly (a bulk send signs one
    // per link): iss and sub are UUIDs, aud one of two words, iat and exp safe integers, jti
    // base64url, so none needs escaping; dest is the one left to stringify. All of it is ASCII.
    const sharedJson = `{"dest":${JSON.stringify(dest)},"iss":"${iss}","aud":"${aud}","sub":"`;
    const whole = sharedJson.length - (sharedJson.length % 3);
    this.#encodedStart = `${header}.${base64urlOfAscii(sharedJson.slice(0, whole))}`;
    this.#sharedRest = sharedJson.slice(whole);
  }

  sign(sub: string, iat: number, exp: number, jti: string): string {
    // A recipient's links share the subject (their signers too: one per destination), so its
    // shape is checked once for all of them.
    if (sub !== lastValidSubject && !subjectValid(sub)) throw new RangeError('Refusing to mint a link token: its subject id is not a UUID');
    if (!termsValid(iat, exp, jti)) throw new RangeError(MALFORMED_CLAIMS);
    lastValidSubject = sub;
    // A send's links share their lifetime: its JSON is written once for them.
    if (iat !== this.#lifetimeOf[0] || exp !== this.#lifetimeOf[1]) this.#lifetimeOf = [iat, exp, `","iat":${iat},"exp":${exp},"jti":"`];
    const signingInput = this.#encodedStart + base64urlOfAscii(`${this.#sharedRest}${sub}${this.#lifetimeOf[2]}${jti}"}`);
    return `${signingInput}.${createHmac('sha256', this.#hmac).update(signingInput).digest('base64url')}`;
  }
}

/** Where payloads are encoded: one buffer, not one per token (the payload is ~190 bytes). */
const payloadBytes = Buffer.allocUnsafe(1024);

/** `ascii` in base64url: latin1 writes the same bytes as UTF-8 for it, about twice as fast. */
function base64urlOfAscii(ascii: string): string {
  if (ascii.length > payloadBytes.length) return Buffer.from(ascii, 'latin1').toString('base64url');
  const length = payloadBytes.write(ascii, 0, 'latin1');
  return payloadBytes.toString('base64url', 0, length);
}

/** One token: a signer for its key and shared claims, used once. */
export function signLinkToken(signing: { kid: string; hmac: KeyObject }, claims: LinkClaims): string {
  const valid = parseLinkClaims(claims);
  if (!valid) throw new RangeError(MALFORMED_CLAIMS);
  return new LinkTokenSigner(signing, valid).sign(valid.sub, valid.iat, valid.exp, valid.jti);
}

export async function mintLinkToken(
  signing: { kid: string; key: LinkCryptoKey; hmac?: KeyObject },
  claims: LinkClaims,
): Promise<string> {
  if (signing.hmac) return signLinkToken({ kid: signing.kid, hmac: signing.hmac }, claims);
  const valid = parseLinkClaims(claims);
  if (!valid) throw new RangeError(MALFORMED_CLAIMS);
  if (!KID_PATTERN.test(signing.kid)) throw new RangeError('Refusing to mint a link token with a malformed kid');
  return new SignJWT({ dest: valid.dest })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: signing.kid, typ: 'JWT' })
    .setIssuer(valid.iss)
    .setAudience(valid.aud)
    .setSubject(valid.sub)
    .setIssuedAt(valid.iat)
    .setExpirationTime(valid.exp)
    .setJti(valid.jti)
    .sign(signing.key);
}

/**
 * The HS256 signature checked with node's HMAC (the token's header, payload and signature are
 * TOKEN_SHAPE's three base64url parts): the signature must be exactly the base64url of the HMAC of
 * `header.payload`, compared in constant time; then the payload must be a JSON object. What jose's
 * jwtVerify checks of a JWS, without its async WebCrypto call per token (most of a redemption's
 * CPU, bench/redeem).
 */
function checkSignature(token: string, hmac: KeyObject): { ok: true; payload: Record<string, unknown> } | { ok: false; reason: 'bad_signature' | 'malformed' } {
  const signatureAt = token.lastIndexOf('.');
  const signingInput = token.slice(0, signatureAt);
  const expected = Buffer.from(createHmac('sha256', hmac).update(signingInput).digest('base64url'));
  const given = Buffer.from(token.slice(signatureAt + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(signingInput.slice(signingInput.indexOf('.') + 1), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'malformed' };
  return { ok: true, payload: payload as Record<string, unknown> };
}

const fail = (reason: LinkFailureReason, claims?: LinkClaims): LinkVerification =>
  claims ? { ok: false, reason, claims } : { ok: false, reason };

export async function verifyLinkToken(
  token: string,
  ring: VerificationKeySource,
  expected: { siteId: string; audience: LinkAudience },
  now: Date,
): Promise<LinkVerification> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return fail('malformed');

  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return fail('malformed');
  }
  // Only HS256 is ever accepted: `none`, RS*/ES* (key confusion) and HS384/512 are not our signatures.
  if (header.alg !== SIGNING_ALGORITHM) return fail('bad_signature');
  if (header.typ !== 'JWT' || typeof header.kid !== 'string') return fail('malformed');
  // Nothing but what we mint: no crit/b64/jku/jwk/x5u games.
  if (Object.keys(header).some((name) => !HEADER_KEYS.has(name))) return fail('malformed');

  const found = await ring.verificationKey(header.kid);
  if (!found) return fail('unknown_key');
  if (found.status === 'retired') return fail('retired_key');

  const checked = checkSignature(token, found.hmac);
  if (!checked.ok) return fail(checked.reason);
  const { payload } = checked;
  // As jose's jwtVerify decides them (RFC 7519 §4.1.4/5, with the same leeway): our tokens carry no
  // nbf, so one that does (or an exp that is not a number) is not ours to accept.
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.exp !== 'number' || payload.nbf !== undefined) return fail('malformed');
  const expired = payload.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS;

  const claims = parseLinkClaims(payload);
  if (!claims) return fail('malformed');
  // The key decides the site; the signed iss must agree with it and with the site asked about.
  if (found.siteId !== expected.siteId || claims.iss !== found.siteId) return fail('wrong_site');
  if (claims.aud !== expected.audience) return fail('wrong_audience', claims);
  if (expired) return fail('expired', claims);
  return { ok: true, claims, kid: found.kid };
}
