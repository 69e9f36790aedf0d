/**
 * A site's HMAC signing keys. Exactly one is `active` (signs new links); `verify` keys still
 * verify links they signed (kept after a rotation until those links have expired); `retired`
 * keys never verify again. Secrets are stored sealed (key-seal.ts) and never leave this module
 * except to the KeyRing, which imports them once.
 *
 * After rotate/retire, call `KeyRing.invalidate(siteId)` in this process; other processes pick
 * the change up within the ring's refresh interval.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { signingKeys, sites } from '../db/schema.ts';
import { sealSecret } from './key-seal.ts';

export const SIGNING_ALGORITHM = 'HS256';
export const SECRET_BYTES = 32;
export type SigningKeyStatus = 'active' | 'verify' | 'retired';

/** A key id: 16 random bytes as base64url (22 characters). */
export const KID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const newKid = (): string => randomBytes(16).toString('base64url');

/** What the admin API may show about a key: never its secret. */
export interface SigningKeyInfo {
  kid: string;
  siteId: string;
  algorithm: string;
  status: SigningKeyStatus;
  createdAt: Date;
  retiredAt: Date | null;
}

/** A key as the KeyRing loads it; `sealedSecret` is opened with the master key. */
export interface StoredSigningKey {
  kid: string;
  siteId: string;
  algorithm: string;
  status: SigningKeyStatus;
  sealedSecret: string;
}

/** Where the KeyRing reads keys from; the database in production, a Map in unit tests and benches. */
export interface SigningKeyStore {
  findByKid(kid: string): Promise<StoredSigningKey | null>;
  /** The site's active key, created when the site has none yet. */
  activeKey(siteId: string): Promise<StoredSigningKey>;
}

const infoColumns = {
  kid: signingKeys.kid,
  siteId: signingKeys.siteId,
  algorithm: signingKeys.algorithm,
  status: signingKeys.status,
  createdAt: signingKeys.createdAt,
  retiredAt: signingKeys.retiredAt,
};

const storedColumns = {
  kid: signingKeys.kid,
  siteId: signingKeys.siteId,
  algorithm: signingKeys.algorithm,
  status: signingKeys.status,
  sealedSecret: signingKeys.secret,
};

function newKeyValues(siteId: string, master: Buffer) {
  const secret = randomBytes(SECRET_BYTES);
  const sealed = sealSecret(master, secret);
  secret.fill(0);
  return { kid: newKid(), siteId, algorithm: SIGNING_ALGORITHM, secret: sealed, status: 'active' as const };
}

/** Creates the site's active key; fails (unique index) when the site already has one — use rotate. */
export async function createSigningKey(db: DbOrTx, siteId: string, master: Buffer): Promise<SigningKeyInfo> {
  const [row] = await db.insert(signingKeys).values(newKeyValues(siteId, master)).returning(infoColumns);
  return row;
}

/** Demotes the active key to `verify` and creates a new active key, in one transaction. */
export async function rotateSigningKey(db: DbOrTx, siteId: string, master: Buffer): Promise<SigningKeyInfo> {
  return db.transaction(async (tx) => {
    // Serialise concurrent rotations of one site on its row, so the second one demotes the first's key.
    const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for('update');
    if (!site) throw new Error(`No site ${siteId}`);
    await tx
      .update(signingKeys)
      .set({ status: 'verify' })
      .where(and(eq(signingKeys.siteId, siteId), eq(signingKeys.status, 'active')));
    const [row] = await tx.insert(signingKeys).values(newKeyValues(siteId, master)).returning(infoColumns);
    return row;
  });
}

/**
 * Retires a `verify` key: links it signed stop verifying. The active key cannot be retired
 * directly (the site would have nothing to sign with): rotate first, then retire the old key.
 * Returns null when the site has no such key; retiring a retired key is a no-op.
 */
export async function retireSigningKey(
  db: DbOrTx,
  siteId: string,
  kid: string,
  now: Date = new Date(),
): Promise<SigningKeyInfo | null> {
  return db.transaction(async (tx) => {
    const where = and(eq(signingKeys.siteId, siteId), eq(signingKeys.kid, kid));
    const [current] = await tx.select(infoColumns).from(signingKeys).where(where).for('update');
    if (!current) return null;
    if (current.status === 'retired') return current;
    if (current.status === 'active') {
      throw new Error('The active signing key cannot be retired; rotate the site key first, then retire the old one');
    }
    const [row] = await tx.update(signingKeys).set({ status: 'retired', retiredAt: now }).where(where).returning(infoColumns);
    return row;
  });
}

/** The site's keys, newest first, without secrets. */
export async function listSigningKeys(db: DbOrTx, siteId: string): Promise<SigningKeyInfo[]> {
  return db
    .select(infoColumns)
    .from(signingKeys)
    .where(eq(signingKeys.siteId, siteId))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
}

/** The KeyRing's view of the signing_keys table. */
export function databaseKeyStore(db: DbOrTx, master: Buffer): SigningKeyStore {
  const findActive = async (siteId: string) => {
    const [row] = await db
      .select(storedColumns)
      .from(signingKeys)
      .where(and(eq(signingKeys.siteId, siteId), eq(signingKeys.status, 'active')))
      .limit(1);
    return row ?? null;
  };
  return {
    async findByKid(kid) {
      const [row] = await db.select(storedColumns).from(signingKeys).where(eq(signingKeys.kid, kid)).limit(1);
      return row ?? null;
    },
    async activeKey(siteId) {
      const existing = await findActive(siteId);
      if (existing) return existing;
      // A site created without a key gets one on first use; a concurrent creator wins the
      // one-active unique index and we read its key instead.
      await db.insert(signingKeys).values(newKeyValues(siteId, master)).onConflictDoNothing();
      const created = await findActive(siteId);
      if (!created) throw new Error(`Could not create a signing key for site ${siteId}`);
      return created;
    },
  };
}
