/**
 * The links core's concurrency guarantees on PostgreSQL, where the racing calls run on separate
 * pool connections (PGlite's single connection serialises everything, so races can't happen there):
 * key rotation, first-use key creation across processes' key rings, and use counting.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { cloneTestDatabase } from '../support/test-databases.ts';
import { contacts, sites } from '../../server/db/schema.ts';
import { KeyRing } from '../../server/links/key-ring.ts';
import { recordedLinkClaims, takeLinkUse } from '../support/link-uses.ts';
import { mintMagicLinkNow } from '../../server/links/mint-magic-link.ts';
import { createSigningKey, listSigningKeys, rotateSigningKey } from '../../server/links/signing-keys.ts';

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' });
const master = randomBytes(32);
const T0 = new Date('2026-03-01T12:00:00.000Z');

describe('links core concurrency on PostgreSQL (separate connections)', () => {
  let database: Database;
  const newSite = async (linkMaxUses?: number) =>
    (await database.db.insert(sites).values({ title: 'pg', subdomain: `pgc-${randomBytes(4).toString('hex')}`, ...(linkMaxUses && { linkMaxUses }) }).returning())[0];

  beforeAll(async () => {
    database = await cloneTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('serialises concurrent rotations: one active key, every older key kept for verification', async () => {
    const site = await newSite();
    await createSigningKey(database.db, site.id, master);
    await Promise.all(Array.from({ length: 6 }, () => rotateSigningKey(database.db, site.id, master)));
    const statuses = (await listSigningKeys(database.db, site.id)).map((k) => k.status);
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'verify')).toHaveLength(6);
  });

  it('creates a keyless site’s first key once when several key rings (processes) ask at the same time', async () => {
    const site = await newSite();
    const rings = Array.from({ length: 4 }, () => KeyRing.fromDatabase(database.db, master));
    const keys = await Promise.all([...rings, ...rings].map((ring) => ring.signingKey(site.id)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await listSigningKeys(database.db, site.id)).toHaveLength(1);
  });

  async function mintLearnerLink(linkMaxUses: number) {
    const site = await newSite(linkMaxUses);
    const [contact] = await database.db.insert(contacts).values({ siteId: site.id, email: `${randomUUID()}@example.com` }).returning();
    const ring = KeyRing.fromDatabase(database.db, master);
    const request = { site, kind: 'learner', subjectId: contact.id, destination: '', channel: 'email', sentBy: 'system', now: T0 } as const;
    return mintMagicLinkNow(database.db, ring, config, request);
  }

  it('single-use: of twenty concurrent redemptions exactly one wins', async () => {
    const link = await mintLearnerLink(1);
    const claims = await recordedLinkClaims(database.db, link.jti);
    const results = await Promise.all(Array.from({ length: 20 }, () => takeLinkUse(database.db, claims)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('counts concurrent uses up to max_uses exactly', async () => {
    const link = await mintLearnerLink(3);
    const claims = await recordedLinkClaims(database.db, link.jti);
    const results = await Promise.all(Array.from({ length: 12 }, () => takeLinkUse(database.db, claims)));
    expect(results.filter(Boolean)).toHaveLength(3);
  });
});
