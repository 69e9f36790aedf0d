import { createHmac, randomBytes } from 'node:crypto';
import { SignJWT, decodeProtectedHeader } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyRing } from '../../../server/links/key-ring.ts';
import {
  CLOCK_TOLERANCE_SECONDS,
  mintLinkToken,
  verifyLinkToken,
  type LinkClaims,
} from '../../../server/links/link-token.ts';
import { newKid } from '../../../server/links/signing-keys.ts';
import { MemoryKeyStore, type MemoryKey } from './memory-key-store.ts';

const SITE_A = '0b8e7a52-3f0c-4b7e-9d51-6a1f2e3d4c5b';
const SITE_B = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CONTACT = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';
const NOW = new Date('2026-03-01T12:00:00Z');
const IAT = NOW.getTime() / 1000;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const at = (seconds: number) => new Date((IAT + seconds) * 1000);

let store: MemoryKeyStore;
let ring: KeyRing;
let keyA: MemoryKey;
let keyB: MemoryKey;

function claims(overrides: Partial<LinkClaims> = {}): LinkClaims {
  return { iss: SITE_A, aud: 'learner', sub: CONTACT, dest: 'courses', iat: IAT, exp: IAT + 3600, jti: randomBytes(16).toString('base64url'), ...overrides };
}

/** Signs anything with a stored key's raw secret, bypassing mintLinkToken's checks. */
function handSigned(key: MemoryKey | Buffer, header: Record<string, unknown>, payload: unknown): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const secret = Buffer.isBuffer(key) ? key : key.raw;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const verifyA = (token: string, now = NOW, audience: 'learner' | 'user' = 'learner') =>
  verifyLinkToken(token, ring, { siteId: SITE_A, audience }, now);

beforeEach(() => {
  const master = randomBytes(32);
  store = new MemoryKeyStore(master);
  ring = new KeyRing(store, master);
  keyA = store.add(SITE_A);
  keyB = store.add(SITE_B);
});

describe('mintLinkToken / verifyLinkToken', () => {
  it('mints a compact HS256 JWS that verifies with every claim', async () => {
    const c = claims({ dest: 'communities/3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c' });
    const token = await mintLinkToken(await ring.signingKey(SITE_A), c);
    expect(token.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: keyA.kid, typ: 'JWT' });
    expect(await verifyA(token)).toEqual({ ok: true, claims: c, kid: keyA.kid });
  });

  it('verifies user tokens for the user audience only', async () => {
    const c = claims({ aud: 'user', dest: '' });
    const token = await mintLinkToken(await ring.signingKey(SITE_A), c);
    expect(await verifyA(token, NOW, 'user')).toEqual({ ok: true, claims: c, kid: keyA.kid });
    expect(await verifyA(token, NOW, 'learner')).toEqual({ ok: false, reason: 'wrong_audience', claims: c });
  });

  it('refuses a learner token as a user token (wrong_audience, with the verified claims)', async () => {
    const c = claims();
    const token = await mintLinkToken(await ring.signingKey(SITE_A), c);
    expect(await verifyA(token, NOW, 'user')).toEqual({ ok: false, reason: 'wrong_audience', claims: c });
  });

  it('refuses a tampered payload and a tampered signature (bad_signature, no claims)', async () => {
    const token = await mintLinkToken(await ring.signingKey(SITE_A), claims());
    const [header, payload, signature] = token.split('.');
    const forgedPayload = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '11111111-2222-4333-8444-555555555555' });
    expect(await verifyA(`${header}.${forgedPayload}.${signature}`)).toEqual({ ok: false, reason: 'bad_signature' });
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(await verifyA(`${header}.${payload}.${flipped}`)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyA(`${header}.${payload}.`)).toEqual({ ok: false, reason: 'bad_signature' });
    // Signed with a different secret under the right kid.
    expect(await verifyA(handSigned(randomBytes(32), { alg: 'HS256', kid: keyA.kid, typ: 'JWT' }, claims()))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses alg "none" and other algorithms (no RS/HS confusion), even with the right kid', async () => {
    const payload = b64(claims());
    for (const alg of ['none', 'None', 'NONE']) {
      const unsigned = `${b64({ alg, kid: keyA.kid, typ: 'JWT' })}.${payload}.`;
      expect(await verifyA(unsigned)).toEqual({ ok: false, reason: 'bad_signature' });
    }
    expect(await verifyA(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`)).toMatchObject({ ok: false });
    for (const alg of ['RS256', 'ES256', 'PS256', 'HS384', 'HS512', 'EdDSA']) {
      // An HMAC over the input with our own secret: what an RS/HS confusion attack would produce.
      expect(await verifyA(handSigned(keyA, { alg, kid: keyA.kid, typ: 'JWT' }, claims()))).toEqual({ ok: false, reason: 'bad_signature' });
    }
    const noAlg = handSigned(keyA, { kid: keyA.kid, typ: 'JWT' }, claims());
    expect(await verifyA(noAlg)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an unknown kid (unknown_key)', async () => {
    const token = await mintLinkToken({ kid: newKid(), key: (await ring.signingKey(SITE_A)).key }, claims());
    expect(await verifyA(token)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await verifyA(handSigned(keyA, { alg: 'HS256', kid: 'garbage!', typ: 'JWT' }, claims()))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it("refuses another site's token (wrong_site, no claims)", async () => {
    const token = await mintLinkToken(await ring.signingKey(SITE_B), claims({ iss: SITE_B }));
    expect(await verifyA(token)).toEqual({ ok: false, reason: 'wrong_site' });
    expect((await verifyLinkToken(token, ring, { siteId: SITE_B, audience: 'learner' }, NOW)).ok).toBe(true);
  });

  it("refuses a token whose iss differs from its key's site, whichever site is asked", async () => {
    // Site B's key claiming to speak for site A, and site A's key claiming site B.
    const bForA = handSigned(keyB, { alg: 'HS256', kid: keyB.kid, typ: 'JWT' }, claims({ iss: SITE_A }));
    const aForB = handSigned(keyA, { alg: 'HS256', kid: keyA.kid, typ: 'JWT' }, claims({ iss: SITE_B }));
    for (const token of [bForA, aForB]) {
      for (const siteId of [SITE_A, SITE_B]) {
        expect(await verifyLinkToken(token, ring, { siteId, audience: 'learner' }, NOW)).toEqual({ ok: false, reason: 'wrong_site' });
      }
    }
  });

  it('refuses an expired token but still names its subject (expired, with claims)', async () => {
    const c = claims({ exp: IAT + 600 });
    const token = await mintLinkToken(await ring.signingKey(SITE_A), c);
    expect((await verifyA(token, at(599))).ok).toBe(true);
    expect((await verifyA(token, at(600 + CLOCK_TOLERANCE_SECONDS - 1))).ok).toBe(true);
    const expired = await verifyA(token, at(600 + CLOCK_TOLERANCE_SECONDS));
    expect(expired).toEqual({ ok: false, reason: 'expired', claims: c });
    expect(!expired.ok && expired.claims?.sub).toBe(CONTACT);
    expect(await verifyA(token, at(30 * 24 * 3600))).toMatchObject({ reason: 'expired', claims: { sub: CONTACT } });
  });

  it('does not reveal claims of an expired token from another site or with a bad signature', async () => {
    const foreign = await mintLinkToken(await ring.signingKey(SITE_B), claims({ iss: SITE_B, exp: IAT + 1 }));
    expect(await verifyA(foreign, at(3600))).toEqual({ ok: false, reason: 'wrong_site' });
    const token = await mintLinkToken(await ring.signingKey(SITE_A), claims({ exp: IAT + 1 }));
    const [h, p] = token.split('.');
    expect(await verifyA(`${h}.${p}.${'A'.repeat(43)}`, at(3600))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('keeps verifying links of a rotated-out key, and stops once it is retired', async () => {
    const old = await mintLinkToken(await ring.signingKey(SITE_A), claims());
    const next = store.rotate(SITE_A);
    ring.invalidate(SITE_A);
    const signing = await ring.signingKey(SITE_A);
    expect(signing.kid).toBe(next.kid);
    const fresh = await mintLinkToken(signing, claims());
    expect(await ring.verificationKey(keyA.kid)).toMatchObject({ status: 'verify' });
    expect((await verifyA(old)).ok).toBe(true);
    expect((await verifyA(fresh)).ok).toBe(true);

    store.setStatus(keyA.kid, 'retired');
    ring.invalidate(SITE_A);
    expect(await verifyA(old)).toEqual({ ok: false, reason: 'retired_key' });
    expect((await verifyA(fresh)).ok).toBe(true);
  });

  it('requires typ, kid, and only the header parameters we mint', async () => {
    const c = claims();
    const ok = handSigned(keyA, { alg: 'HS256', kid: keyA.kid, typ: 'JWT' }, c);
    expect((await verifyA(ok)).ok).toBe(true);
    for (const header of [
      { alg: 'HS256', kid: keyA.kid },
      { alg: 'HS256', kid: keyA.kid, typ: 'at+jwt' },
      { alg: 'HS256', typ: 'JWT' },
      { alg: 'HS256', kid: 42, typ: 'JWT' },
      { alg: 'HS256', kid: keyA.kid, typ: 'JWT', crit: ['exp'] },
      { alg: 'HS256', kid: keyA.kid, typ: 'JWT', b64: false, crit: ['b64'] },
      { alg: 'HS256', kid: keyA.kid, typ: 'JWT', jku: 'https://evil.example/jwks' },
    ]) {
      expect(await verifyA(handSigned(keyA, header, c)), JSON.stringify(header)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('requires every claim with its exact type (malformed, even when correctly signed)', async () => {
    const header = { alg: 'HS256', kid: keyA.kid, typ: 'JWT' };
    const c = claims();
    const variants: Record<string, unknown>[] = [];
    for (const name of Object.keys(c)) {
      const { [name]: _dropped, ...rest } = c as unknown as Record<string, unknown>;
      variants.push(rest);
    }
    variants.push(
      { ...c, iss: 'site-a' },
      { ...c, aud: ['learner'] },
      { ...c, aud: 'admin' },
      { ...c, sub: 42 },
      { ...c, sub: 'not-a-uuid' },
      { ...c, dest: '//evil.example' },
      { ...c, dest: 'courses/../admin' },
      { ...c, aud: 'user', dest: 'courses' },
      { ...c, iat: String(c.iat) },
      { ...c, exp: String(c.exp) },
      { ...c, exp: c.exp + 0.5 },
      { ...c, exp: c.iat },
      { ...c, jti: 7 },
      { ...c, jti: 'short' },
      { ...c, nbf: IAT + 3600 },
    );
    for (const payload of variants) {
      expect(await verifyA(handSigned(keyA, header, payload)), JSON.stringify(payload)).toEqual({ ok: false, reason: 'malformed' });
    }
    // Not JSON / not an object.
    const input = `${b64(header)}.${Buffer.from('not json').toString('base64url')}`;
    const sig = createHmac('sha256', keyA.raw).update(input).digest('base64url');
    expect(await verifyA(`${input}.${sig}`)).toEqual({ ok: false, reason: 'malformed' });
    // Signed JSON that is not an object (null, a number, a string, an array) is refused, never read as one.
    for (const payload of [null, 42, 'claims', ['learner']]) {
      expect(await verifyA(handSigned(keyA, header, payload)), JSON.stringify(payload)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses junk before touching keys', async () => {
    const token = await mintLinkToken(await ring.signingKey(SITE_A), claims());
    store.calls.findByKid = 0;
    for (const junk of ['', 'abc', 'a.b', `${token}.x`, ` ${token}`, `${token}\n`, token.replace('.', '..'), 'x'.repeat(5000), `${b64({ alg: 'HS256' }).slice(0, -1)}!.e30.`]) {
      expect(await verifyA(junk), junk.slice(0, 40)).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(await verifyA(123 as unknown as string)).toEqual({ ok: false, reason: 'malformed' });
    expect(store.calls.findByKid).toBe(0);
  });

  it('refuses to mint malformed claims', async () => {
    const signing = await ring.signingKey(SITE_A);
    for (const bad of [
      claims({ dest: '//evil.example' }),
      claims({ aud: 'user', dest: 'courses' }),
      claims({ sub: 'nobody' }),
      claims({ exp: IAT }),
      claims({ jti: '' }),
    ]) {
      await expect(mintLinkToken(signing, bad)).rejects.toThrow(RangeError);
    }
    await expect(mintLinkToken({ kid: 'x', key: signing.key }, claims())).rejects.toThrow(RangeError);
  });

  it('produces tokens jose itself would also produce (interoperable)', async () => {
    const c = claims();
    const signing = await ring.signingKey(SITE_A);
    const ours = await mintLinkToken(signing, c);
    const theirs = await new SignJWT({ iss: c.iss, aud: c.aud, sub: c.sub, dest: c.dest, iat: c.iat, exp: c.exp, jti: c.jti })
      .setProtectedHeader({ alg: 'HS256', kid: signing.kid, typ: 'JWT' })
      .sign(keyA.raw);
    expect(await verifyA(theirs)).toEqual({ ok: true, claims: c, kid: keyA.kid });
    expect(JSON.parse(Buffer.from(ours.split('.')[1], 'base64url').toString())).toEqual(c);
    // Byte for byte what JSON.stringify writes (the payload is written directly, for speed).
    const stringified = JSON.stringify({ dest: c.dest, iss: c.iss, aud: c.aud, sub: c.sub, iat: c.iat, exp: c.exp, jti: c.jti });
    expect(ours.split('.')[1]).toBe(Buffer.from(stringified).toString('base64url'));
  });
});
