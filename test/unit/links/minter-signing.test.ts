/**
 * What the minter signs with: its signers are kept per kind and destination, but a token must
 * always carry the key the ring gives for the site now (a rotation takes effect at once), the site
 * it is minted for, and its own kind and destination — and links minted without waiting must be
 * the same links `mint` makes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import type { DbOrTx } from '../../../server/db/database.ts';
import { KeyRing, type SigningKey } from '../../../server/links/key-ring.ts';
import { verifyLinkToken } from '../../../server/links/link-token.ts';
import { MagicLinkMinter, type MagicLinkRow, type MintRequest, type MintSite } from '../../../server/links/mint-magic-link.ts';
import { MemoryKeyStore } from './memory-key-store.ts';

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' });
const NOW = new Date('2026-03-01T12:00:00.250Z');
const siteOf = (id: string, subdomain: string): MintSite => ({ id, subdomain, learnerLinkTtlSeconds: 3600, userLinkTtlSeconds: 600, linkMaxUses: null });
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

function setUp(batchSize = 500) {
  const master = randomBytes(32);
  const store = new MemoryKeyStore(master);
  const ring = new KeyRing(store, master);
  const rows: MagicLinkRow[] = [];
  const minter = new MagicLinkMinter({} as DbOrTx, ring, config, { batchSize, writeRows: async (_db, written) => void rows.push(...written) });
  return { store, ring, rows, minter };
}

describe('MagicLinkMinter signing', () => {
  it('signs with the site key the ring gives now: a rotated key signs the next link', async () => {
    const { store, ring, minter } = setUp();
    const site = siteOf(randomUUID(), 'rotating');
    const first = store.add(site.id);
    const request: MintRequest = { site, kind: 'learner', subjectId: randomUUID(), destination: 'courses', channel: 'email', sentBy: 'system', now: NOW };
    const before = await minter.mint(request);
    expect(decodeProtectedHeader(tokenOf(before.url)).kid).toBe(first.kid);
    const second = store.rotate(site.id);
    ring.invalidate(site.id);
    const after = await minter.mint(request);
    expect(decodeProtectedHeader(tokenOf(after.url)).kid).toBe(second.kid);
    const verified = await verifyLinkToken(tokenOf(after.url), ring, { siteId: site.id, audience: 'learner' }, NOW);
    expect(verified.ok).toBe(true);
  });

  it('names the site each link is minted for, and its own kind and destination, whatever it minted before', async () => {
    const { store, ring, minter } = setUp();
    const a = siteOf(randomUUID(), 'alpha');
    const b = siteOf(randomUUID(), 'beta');
    store.add(a.id);
    store.add(b.id);
    const subjectId = randomUUID();
    const base = { subjectId, channel: 'email', sentBy: 'system', now: NOW };
    const minted = [
      await minter.mint({ ...base, site: a, kind: 'learner', destination: 'courses' }),
      await minter.mint({ ...base, site: b, kind: 'learner', destination: 'courses' }),
      await minter.mint({ ...base, site: a, kind: 'learner', destination: 'communities' }),
      await minter.mint({ ...base, site: a, kind: 'user', destination: '' }),
    ];
    const expected = [
      [a, 'learner', 'courses'],
      [b, 'learner', 'courses'],
      [a, 'learner', 'communities'],
      [a, 'user', ''],
    ] as const;
    for (const [i, link] of minted.entries()) {
      const [site, audience, dest] = expected[i];
      const verified = await verifyLinkToken(tokenOf(link.url), ring, { siteId: site.id, audience }, NOW);
      expect(verified).toMatchObject({ ok: true, claims: { iss: site.id, aud: audience, dest, sub: subjectId, jti: link.jti } });
    }
  });

  it('mints without waiting only when the key is cached and the link leaves room in the buffer; those links are the ones mint makes', async () => {
    const { store, rows, minter } = setUp(3);
    const site = siteOf(randomUUID(), 'gamma');
    store.add(site.id);
    const request: MintRequest = { site, kind: 'learner', subjectId: randomUUID(), destination: '', channel: 'sms', sentBy: 'system', now: NOW };
    expect(minter.mintNow(request)).toBeUndefined(); // the key is not loaded yet
    const first = await minter.mint(request);
    const second = minter.mintNow(request)!;
    expect(second).toBeDefined();
    expect(minter.mintNow(request)).toBeUndefined(); // this one would fill the buffer: mint writes it
    await minter.mint(request);
    expect(rows).toHaveLength(3);
    expect(minter.pending).toBe(0);
    expect(second.url.startsWith('http://gamma.localhost:3000/?token=')).toBe(true);
    expect(rows[1]).toMatchObject({ jti: second.jti, siteId: site.id, kind: 'learner', destination: '', channel: 'sms', expiresAt: second.expiresAt });
    expect(rows[1].issuedAt).toEqual(NOW);
    expect(second.expiresAt.getTime()).toBe(first.expiresAt.getTime());
  });
});
