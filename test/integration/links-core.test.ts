/**
 * The links core against a real (embedded) database: signing keys, minting with batched rows,
 * link state, single-use consumption and "revoke all links".
 * Here on PGlite (one connection: calls serialise, no real race); the same concurrency guarantees on
 * PostgreSQL with separate connections are in links-concurrency-postgres.test.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { takeLinkUse } from '../support/link-uses.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { Database, Db } from '../../server/db/database.ts';
import { cloneTestDatabase } from '../support/test-databases.ts';
import { contacts, magicLinks, signingKeys, sites, staffUsers } from '../../server/db/schema.ts';
import { KeyRing } from '../../server/links/key-ring.ts';
import { checkLinkUsable, revokeLink, revokeSubjectLinks } from '../../server/links/link-state.ts';
import { findSession, openSession } from '../../server/auth/sessions.ts';
import { verifyLinkToken, type LinkClaims } from '../../server/links/link-token.ts';
import { MagicLinkMinter, mintMagicLinkNow, type MintRequest, type MintSite } from '../../server/links/mint-magic-link.ts';
import { hashShortCode } from '../../server/links/short-links.ts';
import {
  createSigningKey,
  listSigningKeys,
  retireSigningKey,
  rotateSigningKey,
} from '../../server/links/signing-keys.ts';

const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' });
const master = randomBytes(32);
const T0 = new Date('2026-03-01T12:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const COURSE = '3f2b6c1e-8a4d-4e2f-9b7c-1d2e3f4a5b6c';

let database: Database;
let db: Db;

async function createSite(subdomain: string, policy: Partial<MintSite> = {}): Promise<MintSite> {
  const [row] = await db
    .insert(sites)
    .values({ title: subdomain, subdomain, ...policy })
    .returning();
  return row;
}
async function createContact(siteId: string): Promise<string> {
  const [row] = await db.insert(contacts).values({ siteId, email: `${randomUUID()}@example.com` }).returning({ id: contacts.id });
  return row.id;
}
async function createStaff(siteId: string): Promise<string> {
  const [row] = await db
    .insert(staffUsers)
    .values({ siteId, email: `${randomUUID()}@example.com`, role: 'admin' })
    .returning({ id: staffUsers.id });
  return row.id;
}
const countLinks = async (siteId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(magicLinks).where(eq(magicLinks.siteId, siteId)))[0].n;

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('token')!;
}

async function claimsOf(ring: KeyRing, url: string, siteId: string, audience: 'learner' | 'user', now = T0): Promise<LinkClaims> {
  const result = await verifyLinkToken(tokenOf(url), ring, { siteId, audience }, now);
  if (!result.ok) throw new Error(`token did not verify: ${result.reason}`);
  return result.claims;
}

beforeAll(async () => {
  database = await cloneTestDatabase('pglite');
  db = database.db;
});
afterAll(async () => {
  await database?.close();
});

describe('signing keys', () => {
  it('creates, lists without secrets, rotates in one step and retires', async () => {
    const site = await createSite('keys');
    const first = await createSigningKey(db, site.id, master);
    expect(first).toMatchObject({ siteId: site.id, algorithm: 'HS256', status: 'active', retiredAt: null });
    expect(first.kid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const [stored] = await db.select().from(signingKeys).where(eq(signingKeys.kid, first.kid));
    expect(stored.secret).toMatch(/^v1\./);

    await expect(createSigningKey(db, site.id, master)).rejects.toThrow(); // one active per site

    const ring = KeyRing.fromDatabase(db, master);
    const minter = new MagicLinkMinter(db, ring, config);
    const contact = await createContact(site.id);
    const request = { site, kind: 'learner', subjectId: contact, destination: '', channel: 'email', sentBy: 'system', now: T0 } as const;
    const oldLink = await minter.mint(request);

    const second = await rotateSigningKey(db, site.id, master);
    ring.invalidate(site.id);
    const listed = await listSigningKeys(db, site.id);
    expect(listed.map((k) => [k.kid, k.status])).toEqual([
      [second.kid, 'active'],
      [first.kid, 'verify'],
    ]);
    for (const key of listed) expect(Object.keys(key).sort()).toEqual(['algorithm', 'createdAt', 'kid', 'retiredAt', 'siteId', 'status']);

    const newLink = await minter.mint(request);
    await minter.flush();
    const rows = await db.select({ jti: magicLinks.jti, kid: magicLinks.kid }).from(magicLinks).where(eq(magicLinks.siteId, site.id));
    expect(new Map(rows.map((r) => [r.jti, r.kid]))).toEqual(new Map([[oldLink.jti, first.kid], [newLink.jti, second.kid]]));
    expect((await verifyLinkToken(tokenOf(oldLink.url), ring, { siteId: site.id, audience: 'learner' }, T0)).ok).toBe(true);

    await expect(retireSigningKey(db, site.id, second.kid)).rejects.toThrow(/active signing key cannot be retired/);
    expect(await retireSigningKey(db, randomUUID(), first.kid)).toBeNull(); // not that site's key
    const retired = await retireSigningKey(db, site.id, first.kid, later(60));
    expect(retired).toMatchObject({ kid: first.kid, status: 'retired', retiredAt: later(60) });
    ring.invalidate(site.id);
    expect(await verifyLinkToken(tokenOf(oldLink.url), ring, { siteId: site.id, audience: 'learner' }, T0)).toEqual({
      ok: false,
      reason: 'retired_key',
    });
    expect((await verifyLinkToken(tokenOf(newLink.url), ring, { siteId: site.id, audience: 'learner' }, T0)).ok).toBe(true);
    // A fresh process (new ring) agrees.
    expect(
      await verifyLinkToken(tokenOf(oldLink.url), KeyRing.fromDatabase(db, master), { siteId: site.id, audience: 'learner' }, T0),
    ).toEqual({ ok: false, reason: 'retired_key' });
  });

  it('serialises concurrent rotations: one active key remains', async () => {
    const site = await createSite('rotations');
    await createSigningKey(db, site.id, master);
    await Promise.all([1, 2, 3].map(() => rotateSigningKey(db, site.id, master)));
    const statuses = (await listSigningKeys(db, site.id)).map((k) => k.status);
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'verify')).toHaveLength(3);
  });

  it('gives a site without keys one active key on first use, once, even when asked concurrently', async () => {
    const site = await createSite('keyless');
    const rings = [KeyRing.fromDatabase(db, master), KeyRing.fromDatabase(db, master)];
    const keys = await Promise.all([...rings, ...rings].map((ring) => ring.signingKey(site.id)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await listSigningKeys(db, site.id)).toHaveLength(1);
  });

  it('will not open keys with another master key', async () => {
    const site = await createSite('othermaster');
    const key = await createSigningKey(db, site.id, master);
    await expect(KeyRing.fromDatabase(db, randomBytes(32)).verificationKey(key.kid)).rejects.toThrow(/wrong master key/);
  });
});

describe('MagicLinkMinter', () => {
  it('buffers rows and writes them in batches (auto-flush at batchSize, then flush)', async () => {
    const site = await createSite('batches', { learnerLinkTtlSeconds: 3600, linkMaxUses: 3 });
    const subjects = await Promise.all(Array.from({ length: 25 }, () => createContact(site.id)));
    const ring = KeyRing.fromDatabase(db, master);
    const minter = new MagicLinkMinter(db, ring, config, { batchSize: 10 });
    const links = [];
    for (const [i, subjectId] of subjects.entries()) {
      links.push(
        await minter.mint({ site, kind: 'learner', subjectId, destination: 'courses', channel: 'email', sentBy: 'message:x', now: T0 }),
      );
      if (i === 4) expect(await countLinks(site.id)).toBe(0); // nothing written yet
    }
    expect(await countLinks(site.id)).toBe(20);
    expect(minter.pending).toBe(5);
    expect(await minter.flush()).toBe(5);
    expect(minter.pending).toBe(0);
    expect(await minter.flush()).toBe(0);
    expect(await countLinks(site.id)).toBe(25);
    expect(new Set(links.map((l) => l.jti)).size).toBe(25);

    const [row] = await db.select().from(magicLinks).where(eq(magicLinks.jti, links[7].jti));
    const signing = await ring.signingKey(site.id);
    expect(row).toMatchObject({
      siteId: site.id,
      kind: 'learner',
      subjectId: subjects[7],
      destination: 'courses',
      kid: signing.kid,
      issuedAt: T0,
      expiresAt: later(3600),
      maxUses: 3,
      uses: 0,
      revokedAt: null,
      channel: 'email',
      sentBy: 'message:x',
      messageId: null,
    });
    expect(links[7].expiresAt).toEqual(later(3600));
    expect(links[7].url).toMatch(/^http:\/\/batches\.localhost:3000\/courses\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const claims = await claimsOf(ring, links[7].url, site.id, 'learner');
    expect(claims).toEqual({
      iss: site.id,
      aud: 'learner',
      sub: subjects[7],
      dest: 'courses',
      iat: T0.getTime() / 1000,
      exp: T0.getTime() / 1000 + 3600,
      jti: links[7].jti,
    });
    expect(await checkLinkUsable(db, claims, T0)).toBe('ok');
  });

  it('writes large batches in one go and handles concurrent mints', async () => {
    const site = await createSite('bulk');
    const subject = await createContact(site.id);
    const minter = new MagicLinkMinter(db, KeyRing.fromDatabase(db, master), config);
    await Promise.all(
      Array.from({ length: 1200 }, () =>
        minter.mint({ site, kind: 'learner', subjectId: subject, destination: '', channel: 'sms', sentBy: 'system', now: T0 }),
      ),
    );
    expect((await countLinks(site.id)) + minter.pending).toBe(1200);
    await minter.flush();
    expect(await countLinks(site.id)).toBe(1200);
  });

  it('mints staff links to the admin login with the user lifetime, and items by id', async () => {
    const site = await createSite('staffsite', { userLinkTtlSeconds: 900, learnerLinkTtlSeconds: 86400 });
    const ring = KeyRing.fromDatabase(db, master);
    const staff = await createStaff(site.id);
    const messageId = randomUUID();
    const link = await mintMagicLinkNow(db, ring, config, {
      site,
      kind: 'user',
      subjectId: staff,
      destination: '',
      channel: 'email',
      sentBy: 'staff:me',
      messageId,
      now: T0,
    });
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/login\?token=/);
    expect(link.expiresAt).toEqual(later(900));
    const [row] = await db.select().from(magicLinks).where(eq(magicLinks.jti, link.jti)); // written at once
    expect(row).toMatchObject({ kind: 'user', subjectId: staff, destination: '', messageId, maxUses: 1 /* a User Link logs in once, whatever the learner policy */ });
    const claims = await claimsOf(ring, link.url, site.id, 'user');
    expect(claims).toMatchObject({ aud: 'user', sub: staff, dest: '' });
    expect(await verifyLinkToken(tokenOf(link.url), ring, { siteId: site.id, audience: 'learner' }, T0)).toMatchObject({
      ok: false,
      reason: 'wrong_audience',
    });

    const contact = await createContact(site.id);
    const item = await mintMagicLinkNow(db, ring, config, {
      site,
      kind: 'learner',
      subjectId: contact,
      destination: `communities/${COURSE}`,
      channel: 'email',
      sentBy: 'system',
      now: T0,
    });
    expect(item.url.split('?')[0]).toBe(`http://staffsite.localhost:3000/communities/${COURSE}`);
    expect(item.expiresAt).toEqual(later(86400));
  });

  it('refuses invalid destinations and kinds without recording anything', async () => {
    const site = await createSite('refusals');
    const subjectId = await createContact(site.id);
    const minter = new MagicLinkMinter(db, KeyRing.fromDatabase(db, master), config);
    const base: MintRequest = { site, kind: 'learner', subjectId, destination: '', channel: 'email', sentBy: 'system', now: T0 };
    for (const destination of ['//evil.example', 'https:evil', '%2F%2Fevil', 'courses/../admin', 'courses\\x', '\\\\evil', `courses/${COURSE}/..`]) {
      await expect(minter.mint({ ...base, destination })).rejects.toThrow(/not a valid learner magic link destination/);
    }
    await expect(minter.mint({ ...base, kind: 'user', destination: 'courses' })).rejects.toThrow(/not a valid user/);
    await expect(minter.mint({ ...base, kind: 'admin' as never })).rejects.toThrow(/Unknown magic link kind/);
    await expect(minter.mint({ ...base, subjectId: 'someone' })).rejects.toThrow(/UUID/);
    await expect(minter.mint({ ...base, site: { ...site, subdomain: null } })).rejects.toThrow(/no subdomain/);
    expect(minter.pending).toBe(0);
    await minter.flush();
    expect(await countLinks(site.id)).toBe(0);
  });

  it('keeps rows buffered when a flush fails, so it can be retried', async () => {
    const site = await createSite('flushfail');
    const ghost: MintSite = { ...site, id: randomUUID() }; // no such site: the insert violates the foreign key
    const ring = KeyRing.fromDatabase(db, master);
    const signing = await ring.signingKey(site.id);
    const minter = new MagicLinkMinter(db, { signingKey: async () => signing }, config);
    const subjectId = await createContact(site.id);
    await minter.mint({ site: ghost, kind: 'learner', subjectId, destination: '', channel: 'email', sentBy: 'system', now: T0 });
    await expect(minter.flush()).rejects.toThrow();
    expect(minter.pending).toBe(1);
  });

  it('refuses a request without a channel or sender, an invalid time or lifetime, or a site id that is no UUID', async () => {
    const site = await createSite('badrequests');
    const subjectId = await createContact(site.id);
    const minter = new MagicLinkMinter(db, KeyRing.fromDatabase(db, master), config);
    const base: MintRequest = { site, kind: 'learner', subjectId, destination: '', channel: 'email', sentBy: 'system', now: T0 };
    await expect(minter.mint({ ...base, channel: '' })).rejects.toThrow('A magic link needs a channel and a sender');
    await expect(minter.mint({ ...base, sentBy: '' })).rejects.toThrow('A magic link needs a channel and a sender');
    await expect(minter.mint({ ...base, site: { ...site, id: 'site' } })).rejects.toThrow('Site and subject ids must be UUIDs');
    await expect(minter.mint({ ...base, now: new Date(Number.NaN) })).rejects.toThrow('Invalid mint time');
    for (const ttl of [0, -60, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(minter.mint({ ...base, site: { ...site, learnerLinkTtlSeconds: ttl } }), String(ttl)).rejects.toThrow(
        "The site's learner link lifetime is not a positive number of seconds",
      );
    }
    // The lifetime that applies is the link kind's own.
    const staff = await createStaff(site.id);
    await expect(minter.mint({ ...base, kind: 'user', subjectId: staff, site: { ...site, userLinkTtlSeconds: 0 } })).rejects.toThrow(
      "The site's user link lifetime is not a positive number of seconds",
    );
    expect((await minter.mint({ ...base, site: { ...site, learnerLinkTtlSeconds: 1 } })).expiresAt).toEqual(later(1));
    // A user link needs no member site.
    expect((await minter.mint({ ...base, kind: 'user', subjectId: staff, site: { ...site, subdomain: null } })).url).toMatch(/^http:\/\/localhost:3000\/login\?token=/);
    expect(minter.pending).toBe(2);
  });

  it('records the exact mint instant, the message and the site policy, and sends a short link only for learners who ask for one', async () => {
    const site = await createSite('shortlinks', { linkMaxUses: 2 });
    const subjectId = await createContact(site.id);
    const staff = await createStaff(site.id);
    const minter = new MagicLinkMinter(db, KeyRing.fromDatabase(db, master), config);
    const now = new Date(T0.getTime() + 1_234);
    const messageId = randomUUID();
    const base: MintRequest = { site, kind: 'learner', subjectId, destination: 'courses', channel: 'sms', sentBy: 'message:m', messageId, now };
    const short = await minter.mint({ ...base, shortLink: true });
    const long = await minter.mint(base);
    const staffLink = await minter.mint({ ...base, kind: 'user', subjectId: staff, destination: '', shortLink: true });
    await minter.flush();
    expect(short.url).toMatch(/^http:\/\/shortlinks\.localhost:3000\/l\/[A-Za-z0-9_-]{22}$/);
    expect(long.url).toMatch(/^http:\/\/shortlinks\.localhost:3000\/courses\?token=/);
    expect(staffLink.url).toMatch(/^http:\/\/localhost:3000\/login\?token=/);
    const rowOf = async (jti: string) => (await db.select().from(magicLinks).where(eq(magicLinks.jti, jti)))[0];
    const code = short.url.split('/l/')[1];
    expect(code).not.toBe(short.jti);
    expect(await rowOf(short.jti)).toMatchObject({ shortCodeHash: hashShortCode(code), issuedAt: now, messageId, maxUses: 2, channel: 'sms', sentBy: 'message:m' });
    expect(await rowOf(long.jti)).toMatchObject({ shortCodeHash: null, issuedAt: now, messageId });
    expect(await rowOf(staffLink.jti)).toMatchObject({ shortCodeHash: null, maxUses: 1 });
    // A whole second in the token, the exact instant in the row ("revoke all links" compares against it).
    expect(short.expiresAt).toEqual(new Date(Math.floor(now.getTime() / 1000) * 1000 + 7 * 24 * 3600 * 1000));
  });

  it("builds each site's and destination's own address with one minter, and hands the fill its HTML form", async () => {
    const [a, b] = [await createSite('prefixa'), await createSite('prefixb')];
    const [ca, cb] = [await createContact(a.id), await createContact(b.id)];
    const staff = await createStaff(a.id);
    const minter = new MagicLinkMinter(db, KeyRing.fromDatabase(db, master), config);
    const mint = (site: typeof a, subjectId: string, destination: string, extra: Partial<MintRequest> = {}) =>
      minter.mint({ site, kind: 'learner', subjectId, destination, channel: 'email', sentBy: 'system', now: T0, ...extra });
    const links = [
      await mint(a, ca, 'courses'),
      await mint(b, cb, 'courses'),
      await mint(a, ca, 'communities'),
      await mint(a, ca, 'courses', { shortLink: true }),
      await mint(b, cb, 'courses', { shortLink: true }),
      await mint(a, staff, '', { kind: 'user' }),
      await mint(a, ca, 'courses'),
    ];
    await minter.flush();
    expect(links.map((link) => link.url.replace(/(token=|\/l\/)[A-Za-z0-9._-]+$/, '$1…'))).toEqual([
      'http://prefixa.localhost:3000/courses?token=…',
      'http://prefixb.localhost:3000/courses?token=…',
      'http://prefixa.localhost:3000/communities?token=…',
      'http://prefixa.localhost:3000/l/…',
      'http://prefixb.localhost:3000/l/…',
      'http://localhost:3000/login?token=…',
      'http://prefixa.localhost:3000/courses?token=…',
    ]);
    for (const link of links) expect(link.value).toEqual({ url: link.url, html: link.url }); // nothing here needs escaping
    expect(new Set(links.map((link) => link.url)).size).toBe(links.length);
  });

  it('writes at least one row per INSERT, and a fractional batch size as its whole part', async () => {
    const site = await createSite('batchsizes');
    const subjectId = await createContact(site.id);
    const ring = KeyRing.fromDatabase(db, master);
    const request: MintRequest = { site, kind: 'learner', subjectId, destination: '', channel: 'email', sentBy: 'system', now: T0 };
    const one = new MagicLinkMinter(db, ring, config, { batchSize: 0 });
    await one.mint(request);
    expect(one.pending).toBe(0);
    const two = new MagicLinkMinter(db, ring, config, { batchSize: 2.9 });
    await two.mint(request);
    expect(two.pending).toBe(1);
    await two.mint(request);
    expect(two.pending).toBe(0);
    expect(await countLinks(site.id)).toBe(3);
  });

  it('keeps exactly the rows a failed flush did not write, and a retry writes each once', async () => {
    const site = await createSite('retrychunks');
    // Sites that do not exist yet: their rows violate the foreign key until the site is created.
    const [ghostA, ghostB]: MintSite[] = [{ ...site, id: randomUUID() }, { ...site, id: randomUUID() }];
    const createGhost = (ghost: MintSite) => db.insert(sites).values({ id: ghost.id, title: 'ghost', subdomain: `ghost-${ghost.id.slice(0, 8)}` });
    const ring = KeyRing.fromDatabase(db, master);
    const signing = await ring.signingKey(site.id);
    const subjectId = await createContact(site.id);
    const minter = new MagicLinkMinter(db, { signingKey: async () => signing }, config, { batchSize: 2 });
    const request: MintRequest = { site, kind: 'learner', subjectId, destination: '', channel: 'email', sentBy: 'system', now: T0 };
    await minter.mint({ ...request, site: ghostA });
    await expect(minter.mint(request)).rejects.toThrow(); // the auto-flush of [ghostA, site] fails
    expect(minter.pending).toBe(2);
    await createGhost(ghostA);
    // [ghostA, site] is written now; the next chunk, [ghostB], fails and alone stays buffered.
    await expect(minter.mint({ ...request, site: ghostB })).rejects.toThrow();
    expect(minter.pending).toBe(1);
    expect([await countLinks(ghostA.id), await countLinks(site.id)]).toEqual([1, 1]);
    await createGhost(ghostB);
    expect(await minter.flush()).toBe(1);
    expect(await countLinks(ghostB.id)).toBe(1);
  });
});

describe('link state', () => {
  async function setupSite(subdomain: string, linkMaxUses: number | null) {
    const site = await createSite(subdomain, { linkMaxUses });
    const ring = KeyRing.fromDatabase(db, master);
    const contact = await createContact(site.id);
    const mint = async (now = T0, subjectId = contact, kind: 'learner' | 'user' = 'learner') => {
      const link = await mintMagicLinkNow(db, ring, config, { site, kind, subjectId, destination: '', channel: 'email', sentBy: 'system', now });
      return claimsOf(ring, link.url, site.id, kind, now);
    };
    return { site, ring, contact, mint };
  }

  it('single-use: of five concurrent redemptions exactly one wins', async () => {
    const { mint } = await setupSite('singleuse', 1);
    const claims = await mint();
    expect(await checkLinkUsable(db, claims, T0)).toBe('ok');
    const results = await Promise.all(Array.from({ length: 5 }, () => takeLinkUse(db, claims)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await checkLinkUsable(db, claims, T0)).toBe('used_up');
    expect(await takeLinkUse(db, claims)).toBe(false);
    const [row] = await db.select({ uses: magicLinks.uses }).from(magicLinks).where(eq(magicLinks.jti, claims.jti));
    expect(row.uses).toBe(1);
  });

  it('counts uses up to max_uses, and without a limit every use counts', async () => {
    const twice = await setupSite('twice', 2);
    const c2 = await twice.mint();
    expect((await Promise.all(Array.from({ length: 5 }, () => takeLinkUse(db, c2)))).filter(Boolean)).toHaveLength(2);
    expect(await checkLinkUsable(db, c2, T0)).toBe('used_up');

    const unlimited = await setupSite('unlimited', null);
    const cu = await unlimited.mint();
    expect(await Promise.all(Array.from({ length: 5 }, () => takeLinkUse(db, cu)))).toEqual([true, true, true, true, true]);
    expect(await checkLinkUsable(db, cu, T0)).toBe('ok');
    expect(await takeLinkUse(db, { ...cu, jti: 'A'.repeat(22) })).toBe(false);
  });

  it('revokeSubjectLinks makes older links revoked and leaves newer ones working', async () => {
    const { site, contact, mint } = await setupSite('revokeall', null);
    const other = await createContact(site.id);
    const before = await mint(later(0));
    const othersLink = await mint(later(0), other);
    expect(await revokeSubjectLinks(db, site.id, 'learner', contact, later(10))).toBe(true);
    const after = await mint(later(11));
    expect(await checkLinkUsable(db, before, later(12))).toBe('revoked');
    expect(await checkLinkUsable(db, after, later(12))).toBe('ok');
    expect(await checkLinkUsable(db, othersLink, later(12))).toBe('ok');
    // A link issued at the very instant of the revocation is revoked too (issuedAt <= linksValidAfter).
    const sameInstant = await mint(later(20));
    await revokeSubjectLinks(db, site.id, 'learner', contact, later(20));
    expect(await checkLinkUsable(db, sameInstant, later(21))).toBe('revoked');
    // The cut-off never moves backwards.
    await revokeSubjectLinks(db, site.id, 'learner', contact, later(5));
    const [row] = await db.select({ at: contacts.linksValidAfter }).from(contacts).where(eq(contacts.id, contact));
    expect(row.at).toEqual(later(20));
  });

  it('revokeSubjectLinks ends the sessions of that audience only: a learner is logged out of the member site, a staff user of the admin app', async () => {
    const { site, contact } = await setupSite('revokesessions', null);
    const staff = await createStaff(site.id);
    const member = await openSession(db, 'member', site.id, contact, T0);
    const admin = await openSession(db, 'staff', site.id, staff, T0);
    expect(await revokeSubjectLinks(db, site.id, 'learner', contact, later(10))).toBe(true);
    expect(await findSession(db, 'member', member.token, later(11))).toBeNull();
    expect(await findSession(db, 'staff', admin.token, later(11))).toMatchObject({ subjectId: staff });
    expect(await revokeSubjectLinks(db, site.id, 'user', staff, later(20))).toBe(true);
    expect(await findSession(db, 'staff', admin.token, later(21))).toBeNull();
  });

  it('revokes staff links the same way, and only within the site', async () => {
    const { site, mint } = await setupSite('revokestaff', null);
    const staff = await createStaff(site.id);
    const link = await mint(T0, staff, 'user');
    const elsewhere = await createSite('revokestaff-other');
    expect(await revokeSubjectLinks(db, elsewhere.id, 'user', staff, later(5))).toBe(false);
    expect(await revokeSubjectLinks(db, site.id, 'learner', staff, later(5))).toBe(false); // not a contact
    expect(await checkLinkUsable(db, link, later(6))).toBe('ok');
    expect(await revokeSubjectLinks(db, site.id, 'user', staff, later(5))).toBe(true);
    expect(await checkLinkUsable(db, link, later(6))).toBe('revoked');
  });

  it('revokeLink revokes one link; a revoked link cannot be consumed', async () => {
    const { site, mint } = await setupSite('revokeone', null);
    const a = await mint();
    const b = await mint();
    expect(await revokeLink(db, randomUUID(), a.jti, later(1))).toBe(false);
    expect(await revokeLink(db, site.id, a.jti, later(1))).toBe(true);
    expect(await checkLinkUsable(db, a, later(2))).toBe('revoked');
    expect(await takeLinkUse(db, a)).toBe(false);
    expect(await checkLinkUsable(db, b, later(2))).toBe('ok');
  });

  it('is unknown for an unrecorded jti, claims that disagree with the row, or a deleted subject', async () => {
    const { site, contact, mint } = await setupSite('unknowns', null);
    const claims = await mint();
    expect(await checkLinkUsable(db, { ...claims, jti: 'B'.repeat(22) }, T0)).toBe('unknown');
    expect(await checkLinkUsable(db, { ...claims, sub: randomUUID() }, T0)).toBe('unknown');
    expect(await checkLinkUsable(db, { ...claims, dest: 'courses' }, T0)).toBe('unknown');
    expect(await checkLinkUsable(db, { ...claims, iss: randomUUID() }, T0)).toBe('unknown');
    expect(await checkLinkUsable(db, { ...claims, aud: 'user', dest: '' }, T0)).toBe('unknown');
    await db.delete(contacts).where(eq(contacts.id, contact));
    expect(await checkLinkUsable(db, claims, T0)).toBe('unknown');
    // A User Link of a staff user who has since been removed from the site.
    const staff = await createStaff(site.id);
    const userLink = await mint(T0, staff, 'user');
    expect(await checkLinkUsable(db, userLink, T0)).toBe('ok');
    await db.delete(staffUsers).where(eq(staffUsers.id, staff));
    expect(await checkLinkUsable(db, userLink, T0)).toBe('unknown');
  });
});
