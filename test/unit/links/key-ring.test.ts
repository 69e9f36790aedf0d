import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyRing } from '../../../server/links/key-ring.ts';
import { newKid, type SigningKeyStore, type StoredSigningKey } from '../../../server/links/signing-keys.ts';
import { sealSecret } from '../../../server/links/key-seal.ts';
import { MemoryKeyStore } from './memory-key-store.ts';

const SITE_A = '0b8e7a52-3f0c-4b7e-9d51-6a1f2e3d4c5b';
const SITE_B = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

function setup(options: { refreshMs?: number; negativeMs?: number; maxNegative?: number } = {}) {
  const master = randomBytes(32);
  const store = new MemoryKeyStore(master);
  let time = 1_000_000;
  const ring = new KeyRing(store, master, { ...options, clock: () => time });
  return { master, store, ring, advance: (ms: number) => (time += ms) };
}

/** A store that answers `activeKey` with what `answer` makes of the real one's key. */
function storeAnswering(store: MemoryKeyStore, answer: (key: StoredSigningKey) => StoredSigningKey): SigningKeyStore {
  return { findByKid: (kid) => store.findByKid(kid), activeKey: async (siteId) => answer(await store.activeKey(siteId)) };
}

afterEach(() => vi.restoreAllMocks());

describe('KeyRing', () => {
  it('imports a key once, however many times it signs and verifies (also concurrently)', async () => {
    const { store, ring } = setup();
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const stored = store.add(SITE_A);
    const signing = await Promise.all(Array.from({ length: 20 }, () => ring.signingKey(SITE_A)));
    const verifying = await Promise.all(Array.from({ length: 20 }, () => ring.verificationKey(stored.kid)));
    for (let i = 0; i < 50; i++) await ring.signingKey(SITE_A);
    expect(new Set(signing.map((s) => s.key)).size).toBe(1);
    expect(signing[0]).toMatchObject({ kid: stored.kid, siteId: SITE_A });
    expect(verifying.every((v) => v?.key === signing[0].key && v.status === 'active' && v.siteId === SITE_A)).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(1);
    expect(store.calls.activeKey).toBe(1);
    expect(store.calls.findByKid).toBe(0);
  });

  it('holds non-extractable HMAC keys', async () => {
    const { store, ring } = setup();
    store.add(SITE_A);
    const { key } = await ring.signingKey(SITE_A);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' } });
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('creates an active key for a site that has none', async () => {
    const { store, ring } = setup();
    const { kid } = await ring.signingKey(SITE_B);
    expect(store.keys.get(kid)).toMatchObject({ siteId: SITE_B, status: 'active' });
  });

  it('never reaches the store for kids that cannot be ours, and remembers unknown ones briefly', async () => {
    const { store, ring, advance } = setup({ negativeMs: 5_000 });
    for (const kid of ['', 'x', 'a'.repeat(23), '../../etc/passwd', "' or 1=1 --", 'a'.repeat(21) + '=']) {
      expect(await ring.verificationKey(kid)).toBeNull();
    }
    expect(store.calls.findByKid).toBe(0);

    const unknown = newKid();
    await Promise.all(Array.from({ length: 10 }, () => ring.verificationKey(unknown)));
    for (let i = 0; i < 10; i++) expect(await ring.verificationKey(unknown)).toBeNull();
    expect(store.calls.findByKid).toBe(1);
    advance(5_001);
    expect(await ring.verificationKey(unknown)).toBeNull();
    expect(store.calls.findByKid).toBe(2);
  });

  it('bounds the memory of unknown kids', async () => {
    const { store, ring } = setup({ maxNegative: 3 });
    const kids = Array.from({ length: 4 }, newKid);
    for (const kid of kids) await ring.verificationKey(kid);
    expect(store.calls.findByKid).toBe(4);
    // The fourth cleared the first three; the fourth is still remembered.
    await ring.verificationKey(kids[3]);
    expect(store.calls.findByKid).toBe(4);
    await ring.verificationKey(kids[0]);
    expect(store.calls.findByKid).toBe(5);
  });

  it('never imports a retired key and reports it as retired', async () => {
    const { store, ring } = setup();
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const retired = store.add(SITE_A, 'retired');
    expect(await ring.verificationKey(retired.kid)).toEqual({ kid: retired.kid, siteId: SITE_A, status: 'retired', key: null });
    expect(importKey).not.toHaveBeenCalled();
  });

  it('picks up a rotation and a retirement on invalidate(siteId)', async () => {
    const { store, ring } = setup();
    const first = store.add(SITE_A);
    expect((await ring.signingKey(SITE_A)).kid).toBe(first.kid);
    const second = store.rotate(SITE_A);
    expect((await ring.signingKey(SITE_A)).kid).toBe(first.kid); // still cached
    ring.invalidate(SITE_A);
    expect((await ring.signingKey(SITE_A)).kid).toBe(second.kid);
    expect((await ring.verificationKey(first.kid))?.status).toBe('verify');

    store.setStatus(first.kid, 'retired');
    ring.invalidate(SITE_A);
    expect(await ring.verificationKey(first.kid)).toMatchObject({ status: 'retired', key: null });
  });

  it("re-reads statuses after refreshMs (another process's rotation/retirement) without re-importing", async () => {
    const { store, ring, advance } = setup({ refreshMs: 60_000 });
    const first = store.add(SITE_A);
    await ring.signingKey(SITE_A);
    expect((await ring.verificationKey(first.kid))?.status).toBe('active');
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');

    const second = store.rotate(SITE_A);
    advance(59_000);
    expect((await ring.signingKey(SITE_A)).kid).toBe(first.kid);
    advance(2_000);
    expect((await ring.signingKey(SITE_A)).kid).toBe(second.kid);
    expect((await ring.verificationKey(first.kid))?.status).toBe('verify');
    expect(importKey).toHaveBeenCalledTimes(1); // only the new key

    store.setStatus(first.kid, 'retired');
    advance(61_000);
    expect(await ring.verificationKey(first.kid)).toMatchObject({ status: 'retired', key: null });
  });

  it('answers cachedSigningKey synchronously only with a fresh active key it holds, as signingKey would', async () => {
    const { store, ring, advance } = setup({ refreshMs: 60_000 });
    const first = store.add(SITE_A);
    expect(ring.cachedSigningKey(SITE_A)).toBeUndefined(); // never loaded
    const loaded = await ring.signingKey(SITE_A);
    expect(ring.cachedSigningKey(SITE_A)).toMatchObject({ kid: first.kid, siteId: SITE_A, key: loaded.key, hmac: loaded.hmac });
    expect(ring.cachedSigningKey(SITE_B)).toBeUndefined(); // another site's

    const second = store.rotate(SITE_A);
    ring.invalidate(SITE_A);
    expect(ring.cachedSigningKey(SITE_A)).toBeUndefined(); // forgotten: the next mint loads the rotation
    expect((await ring.signingKey(SITE_A)).kid).toBe(second.kid);
    expect(ring.cachedSigningKey(SITE_A)?.kid).toBe(second.kid);

    advance(61_000);
    expect(ring.cachedSigningKey(SITE_A)).toBeUndefined(); // stale: another process may have rotated it
    store.setStatus(second.kid, 'retired');
    store.rotate(SITE_A);
    expect((await ring.signingKey(SITE_A)).kid).not.toBe(second.kid);
    expect(ring.cachedSigningKey(SITE_A)?.kid).not.toBe(second.kid);
  });

  it('fails clearly when the master key does not open the stored secrets', async () => {
    const { store } = setup();
    const stored = store.add(SITE_A);
    const ring = new KeyRing(store, randomBytes(32));
    await expect(ring.verificationKey(stored.kid)).rejects.toThrow(/wrong master key/);
    await expect(ring.signingKey(SITE_A)).rejects.toThrow(/wrong master key/);
  });
  it('never reaches the store for a kid that is no string, even one whose string form looks like a kid', async () => {
    const { store, ring } = setup();
    const stored = store.add(SITE_A);
    expect(await ring.verificationKey([stored.kid] as unknown as string)).toBeNull();
    expect(await ring.verificationKey({ toString: () => stored.kid } as unknown as string)).toBeNull();
    expect(store.calls.findByKid).toBe(0);
  });

  it('asks the store about an unknown kid again once negativeMs has passed, not before', async () => {
    const { store, ring, advance } = setup({ negativeMs: 5_000 });
    const unknown = newKid();
    await ring.verificationKey(unknown);
    advance(4_999);
    await ring.verificationKey(unknown);
    expect(store.calls.findByKid).toBe(1);
    advance(1);
    await ring.verificationKey(unknown);
    expect(store.calls.findByKid).toBe(2);
  });

  it('keeps every unknown kid until the bound is reached', async () => {
    const { store, ring } = setup({ maxNegative: 3 });
    const [first, second] = [newKid(), newKid()];
    await ring.verificationKey(first);
    await ring.verificationKey(second);
    await ring.verificationKey(first);
    await ring.verificationKey(second);
    expect(store.calls.findByKid).toBe(2);
  });

  it('re-reads a status exactly refreshMs after it was read', async () => {
    const { store, ring, advance } = setup({ refreshMs: 60_000 });
    const first = store.add(SITE_A);
    await ring.signingKey(SITE_A);
    advance(59_999);
    await ring.signingKey(SITE_A);
    await ring.verificationKey(first.kid);
    expect(store.calls).toEqual({ activeKey: 1, findByKid: 0 });
    advance(1);
    await ring.verificationKey(first.kid);
    await ring.signingKey(SITE_A);
    expect(store.calls).toEqual({ activeKey: 2, findByKid: 1 });
  });

  it("invalidate(siteId) forgets that site's keys only", async () => {
    const { store, ring } = setup();
    const a = store.add(SITE_A);
    const b = store.add(SITE_B);
    await ring.verificationKey(a.kid);
    await ring.verificationKey(b.kid);
    await ring.signingKey(SITE_B);
    ring.invalidate(SITE_A);
    expect((await ring.verificationKey(b.kid))?.status).toBe('active');
    expect((await ring.signingKey(SITE_B)).kid).toBe(b.kid);
    expect(store.calls).toEqual({ findByKid: 2, activeKey: 1 });
    await ring.verificationKey(a.kid);
    expect(store.calls.findByKid).toBe(3);
  });

  it('does not cache what a load that started before invalidate() read (it may be stale)', async () => {
    const { store, ring } = setup();
    const stored = store.add(SITE_A);
    const release = store.hold();
    const signing = ring.signingKey(SITE_A);
    const verifying = ring.verificationKey(stored.kid);
    ring.invalidate(SITE_A);
    release();
    // The calls that were in flight get what they read …
    expect((await signing).kid).toBe(stored.kid);
    expect((await verifying)?.status).toBe('active');
    // … but the next ones read again.
    await ring.verificationKey(stored.kid);
    await ring.signingKey(SITE_A);
    expect(store.calls).toEqual({ activeKey: 2, findByKid: 2 });
  });

  it('never signs with a key that is no longer active, even when its wall clock stepped back', async () => {
    const { store, ring, advance } = setup({ refreshMs: 60_000 });
    const first = store.add(SITE_A);
    await ring.signingKey(SITE_A);
    advance(61_000);
    const second = store.rotate(SITE_A);
    expect((await ring.verificationKey(first.kid))?.status).toBe('verify');
    advance(-40_000); // the site's active kid now looks fresh again, but its key is known to be 'verify'
    expect((await ring.signingKey(SITE_A)).kid).toBe(second.kid);
  });

  it("refuses a store's answer that is not the site's active key, or not an HS256 key", async () => {
    const { master, store } = setup();
    const other = store.add(SITE_B);
    const cases: [string, (key: StoredSigningKey) => StoredSigningKey, RegExp][] = [
      ['another site', () => ({ ...other, siteId: SITE_B }), /not site .*'s active key/],
      ['a verify-only key', (key) => ({ ...key, status: 'verify' }), /not site .*'s active key/],
      ['a retired key', (key) => ({ ...key, status: 'retired' }), /not site .*'s active key/],
      ['another algorithm', (key) => ({ ...key, algorithm: 'HS512' }), /uses unsupported algorithm HS512/],
    ];
    for (const [what, answer, message] of cases) {
      const ring = new KeyRing(storeAnswering(store, answer), master);
      await expect(ring.signingKey(SITE_A), what).rejects.toThrow(message);
    }
    const hs512 = store.add(SITE_A);
    store.keys.get(hs512.kid)!.algorithm = 'HS512';
    await expect(new KeyRing(store, master).verificationKey(hs512.kid)).rejects.toThrow(/uses unsupported algorithm HS512/);
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    const { master, store, ring } = setup();
    const short = store.add(SITE_A);
    store.keys.get(short.kid)!.sealedSecret = sealSecret(master, randomBytes(16));
    await expect(ring.verificationKey(short.kid)).rejects.toThrow(`Signing key ${short.kid} is shorter than 32 bytes`);
  });

  it('zeroes the opened secret once it is imported', async () => {
    const { store, ring } = setup();
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const stored = store.add(SITE_A);
    const signing = await ring.signingKey(SITE_A);
    const secret = importKey.mock.calls[0][1] as Uint8Array;
    expect(secret).toHaveLength(32);
    expect(secret.every((byte) => byte === 0)).toBe(true);
    expect(stored.raw.some((byte) => byte !== 0)).toBe(true);
    // The imported keys kept their copy.
    expect(signing.hmac?.export()).toEqual(stored.raw);
  });
});
