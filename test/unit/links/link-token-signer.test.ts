/**
 * LinkTokenSigner: a send's links are signed by a few signers whose shared claims (site, kind,
 * destination) and kid are checked once. Each token must still be exactly what jose would sign,
 * verify, and carry only checked claims — the subject cached per recipient must never let a
 * different, malformed one through.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyRing, type SigningKey } from '../../../server/links/key-ring.ts';
import { LinkTokenSigner, signLinkToken, verifyLinkToken } from '../../../server/links/link-token.ts';
import { MemoryKeyStore } from './memory-key-store.ts';

const SITE = '0b8e7a52-3f0c-4b7e-9d51-6a1f2e3d4c5b';
const IAT = Date.parse('2026-03-01T12:00:00Z') / 1000;
const jti = () => randomBytes(16).toString('base64url');

let ring: KeyRing;
let signing: Required<SigningKey>;

beforeEach(async () => {
  const master = randomBytes(32);
  const store = new MemoryKeyStore(master);
  ring = new KeyRing(store, master);
  store.add(SITE);
  signing = (await ring.signingKey(SITE)) as Required<SigningKey>;
});

describe('LinkTokenSigner', () => {
  it('signs each subject exactly as JSON.stringify and a one-off signLinkToken would, and the tokens verify', async () => {
    const signer = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: 'communities' });
    for (const sub of [randomUUID(), randomUUID(), randomUUID()]) {
      const claims = { dest: 'communities', iss: SITE, aud: 'learner' as const, sub, iat: IAT, exp: IAT + 600, jti: jti() };
      const token = signer.sign(sub, claims.iat, claims.exp, claims.jti);
      expect(token).toBe(signLinkToken(signing, claims));
      const payload = token.split('.')[1];
      // In the order the payload is written (dest first), as JSON.stringify writes it.
      expect(payload).toBe(Buffer.from(JSON.stringify(claims)).toString('base64url'));
      const verified = await verifyLinkToken(token, ring, { siteId: SITE, audience: 'learner' }, new Date((IAT + 1) * 1000));
      expect(verified).toEqual({ ok: true, claims, kid: signing.kid });
    }
  });

  it('writes each token its own lifetime when one signer signs links of different lifetimes in turn', () => {
    const signer = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: 'courses' });
    const sub = randomUUID();
    for (const [iat, exp] of [[IAT, IAT + 600], [IAT + 1, IAT + 600], [IAT + 1, IAT + 7200], [IAT, IAT + 600]]) {
      const claims = { dest: 'courses', iss: SITE, aud: 'learner' as const, sub, iat, exp, jti: jti() };
      expect(signer.sign(sub, iat, exp, claims.jti)).toBe(signLinkToken(signing, claims));
    }
  });

  it("checks a subject another signer just found valid only by equality: a different, malformed one is refused by any signer", () => {
    const courses = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: 'courses' });
    const communities = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: 'communities' });
    const sub = randomUUID();
    courses.sign(sub, IAT, IAT + 60, jti());
    expect(() => communities.sign(sub, IAT, IAT + 60, jti())).not.toThrow();
    expect(() => communities.sign(`${sub}"`, IAT, IAT + 60, jti())).toThrow(/subject id is not a UUID/);
    expect(() => courses.sign(sub.toUpperCase(), IAT, IAT + 60, jti())).toThrow(/subject id is not a UUID/);
  });

  it('checks every subject it has not just checked: a malformed one after a valid one is refused', () => {
    const signer = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: '' });
    const sub = randomUUID();
    expect(() => signer.sign(sub, IAT, IAT + 60, jti())).not.toThrow();
    expect(() => signer.sign(sub, IAT, IAT + 60, jti())).not.toThrow();
    for (const bad of [`${sub}"`, sub.toUpperCase(), '', `${sub.slice(0, 35)}","aud":"user`]) {
      expect(() => signer.sign(bad, IAT, IAT + 60, jti())).toThrow(/subject id is not a UUID/);
    }
    // …and the last valid one is not remembered past a refusal either.
    expect(() => signer.sign(sub, IAT, IAT + 60, jti())).not.toThrow();
  });

  it('refuses each link whose own terms are malformed, however many it signed before', () => {
    const signer = new LinkTokenSigner(signing, { iss: SITE, aud: 'learner', dest: 'courses' });
    const sub = randomUUID();
    signer.sign(sub, IAT, IAT + 60, jti());
    expect(() => signer.sign(sub, IAT, IAT, jti())).toThrow(/malformed claims/); // exp not after iat
    expect(() => signer.sign(sub, -1, IAT, jti())).toThrow(/malformed claims/);
    expect(() => signer.sign(sub, IAT + 0.5, IAT + 60, jti())).toThrow(/malformed claims/);
    expect(() => signer.sign(sub, IAT, Number.MAX_SAFE_INTEGER + 2, jti())).toThrow(/malformed claims/);
    expect(() => signer.sign(sub, IAT, IAT + 60, 'short')).toThrow(/malformed claims/);
    expect(() => signer.sign(sub, IAT, IAT + 60, `${jti().slice(0, 21)}"`)).toThrow(/malformed claims/);
  });

  it('refuses shared claims no link may carry, and a malformed kid, when it is made', () => {
    const make = (shared: { iss: string; aud: 'learner' | 'user'; dest: string }, kid = signing.kid) =>
      () => new LinkTokenSigner({ kid, hmac: signing.hmac }, shared);
    expect(make({ iss: 'site', aud: 'learner', dest: '' })).toThrow(/malformed claims/);
    expect(make({ iss: SITE, aud: 'admin' as never, dest: '' })).toThrow(/malformed claims/);
    expect(make({ iss: SITE, aud: 'user', dest: 'courses' })).toThrow(/malformed claims/);
    expect(make({ iss: SITE, aud: 'learner', dest: '//evil.example' })).toThrow(/malformed claims/);
    expect(make({ iss: SITE, aud: 'learner', dest: '' }, 'bad kid')).toThrow(/malformed kid/);
  });
});
