/**
 * The edges of the link token that mutation testing (npm run test:mutation, target token) found
 * unguarded: claims that are not an object, a negative issue time, the length cap, a kid that is
 * not a string, minting through jose without node's HMAC, the refusal messages, and errors that
 * are not jose's (a broken key source) surfacing instead of reading as a malformed link.
 */
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyRing } from '../../../server/links/key-ring.ts';
import { MAX_TOKEN_LENGTH, mintLinkToken, parseLinkClaims, verifyLinkToken, type LinkClaims } from '../../../server/links/link-token.ts';
import { MemoryKeyStore, type MemoryKey } from './memory-key-store.ts';

const SITE = '0b8e7a52-3f0c-4b7e-9d51-6a1f2e3d4c5b';
const CONTACT = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';
const NOW = new Date('2026-03-01T12:00:00Z');
const IAT = NOW.getTime() / 1000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const claims = (overrides: Partial<LinkClaims> = {}): LinkClaims => ({
  iss: SITE, aud: 'learner', sub: CONTACT, dest: 'courses', iat: IAT, exp: IAT + 3600, jti: randomBytes(16).toString('base64url'), ...overrides,
});

let ring: KeyRing;
let key: MemoryKey;
beforeEach(() => {
  const master = randomBytes(32);
  const store = new MemoryKeyStore(master);
  ring = new KeyRing(store, master);
  key = store.add(SITE);
});
const verify = (token: string) => verifyLinkToken(token, ring, { siteId: SITE, audience: 'learner' }, NOW);
/** Verifies with a key source that counts how often it is asked (refusals by shape must not ask it). */
async function verifyCountingLookups(token: string) {
  let lookups = 0;
  const counting = { verificationKey: (kid: string) => (lookups++, ring.verificationKey(kid)) };
  const result = await verifyLinkToken(token, counting, { siteId: SITE, audience: 'learner' }, NOW);
  return { result, lookups };
}

describe('parseLinkClaims', () => {
  it('refuses claims that are not a plain object, even an array carrying every claim', () => {
    expect(parseLinkClaims(null)).toBeNull();
    expect(parseLinkClaims(undefined)).toBeNull();
    expect(parseLinkClaims('claims')).toBeNull();
    expect(parseLinkClaims(Object.assign([], claims()))).toBeNull();
    expect(parseLinkClaims(claims())).not.toBeNull();
  });

  it('refuses a negative issue time and accepts the epoch itself', () => {
    expect(parseLinkClaims(claims({ iat: -1, exp: 100 }))).toBeNull();
    expect(parseLinkClaims(claims({ iat: 0, exp: 100 }))).toMatchObject({ iat: 0, exp: 100 });
  });
});

describe('mintLinkToken', () => {
  it('says why it refuses to mint', async () => {
    const signing = await ring.signingKey(SITE);
    await expect(mintLinkToken(signing, claims({ jti: 'short' }))).rejects.toThrow('missing or malformed claims');
    await expect(mintLinkToken({ ...signing, kid: 'bad kid' }, claims())).rejects.toThrow('malformed kid');
  });

  it('signs the destination through jose too (no node HMAC key given)', async () => {
    const { kid, key: cryptoKey } = await ring.signingKey(SITE);
    const token = await mintLinkToken({ kid, key: cryptoKey }, claims());
    const result = await verify(token);
    expect(result).toMatchObject({ ok: true, claims: { dest: 'courses' } });
  });
});

describe('verifyLinkToken', () => {
  it('refuses a token longer than the cap before reading it, and reads one exactly at the cap', async () => {
    const signing = await ring.signingKey(SITE);
    const token = await mintLinkToken(signing, claims());
    const padded = (length: number) => token + 'A'.repeat(length - token.length);
    expect(await verifyCountingLookups(padded(MAX_TOKEN_LENGTH + 1))).toEqual({ result: { ok: false, reason: 'malformed' }, lookups: 0 });
    // At the cap the signature is read, and is wrong.
    expect(await verify(padded(MAX_TOKEN_LENGTH))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a kid that is not a string as malformed, without asking the key source', async () => {
    const input = `${b64({ alg: 'HS256', kid: 12345, typ: 'JWT' })}.${b64(claims())}`;
    const token = `${input}.${createHmac('sha256', key.raw).update(input).digest('base64url')}`;
    expect(await verify(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a correctly signed token whose header lacks typ or names another, as malformed', async () => {
    const signed = (header: Record<string, unknown>) => {
      const input = `${b64(header)}.${b64(claims())}`;
      return `${input}.${createHmac('sha256', key.raw).update(input).digest('base64url')}`;
    };
    expect(await verify(signed({ alg: 'HS256', kid: key.kid, typ: 'JWT' }))).toMatchObject({ ok: true });
    // Refused by its header alone: the key source is not asked.
    expect(await verifyCountingLookups(signed({ alg: 'HS256', kid: key.kid }))).toEqual({ result: { ok: false, reason: 'malformed' }, lookups: 0 });
    expect(await verifyCountingLookups(signed({ alg: 'HS256', kid: key.kid, typ: 'JOSE' }))).toEqual({ result: { ok: false, reason: 'malformed' }, lookups: 0 });
  });

  it('refuses a token that is not a string as malformed instead of throwing', async () => {
    for (const token of [null, undefined, 42, ['a.b.c']]) expect(await verify(token as unknown as string), String(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('lets a broken key source’s error through (it is not a malformed link)', async () => {
    const signing = await ring.signingKey(SITE);
    const token = await mintLinkToken(signing, claims());
    // An HMAC cannot be keyed with a private key: node throws, and verification must not call that "malformed".
    const { privateKey } = generateKeyPairSync('ed25519');
    const broken = { verificationKey: async () => ({ kid: signing.kid, siteId: SITE, status: 'active' as const, key: signing.key, hmac: privateKey }) };
    await expect(verifyLinkToken(token, broken, { siteId: SITE, audience: 'learner' }, NOW)).rejects.toThrow(/key/i);
  });
});
