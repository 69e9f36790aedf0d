import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyRing } from '../../../server/links/key-ring.ts';
import { newKid } from '../../../server/links/signing-keys.ts';
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

  it('fails clearly when the master key does not open the stored secrets', async () => {
    const { store } = setup();
    const stored = store.add(SITE_A);
    const ring = new KeyRing(store, randomBytes(32));
    await expect(ring.verificationKey(stored.kid)).rejects.toThrow(/wrong master key/);
    await expect(ring.signingKey(SITE_A)).rejects.toThrow(/wrong master key/);
  });
});
