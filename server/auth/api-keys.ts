import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { apiKeys } from '../db/schema.ts';
import { randomToken, sha256Hex } from '../crypto/secrets.ts';
import type { Role } from '../../src/contract/permissions.ts';

const KEY_PREFIX = 'mlk_';

export interface CreatedApiKey {
  id: string;
  /** Shown once; only its hash is stored. */
  key: string;
  prefix: string;
  role: Role;
}

/** A new key for the site; keys made without a role (console, CLI) are owner keys. */
export async function createApiKey(db: DbOrTx, siteId: string, name: string, role: Role = 'owner'): Promise<CreatedApiKey> {
  const key = KEY_PREFIX + randomToken(32);
  const prefix = key.slice(0, 12);
  const [row] = await db
    .insert(apiKeys)
    .values({ siteId, name, prefix, keyHash: sha256Hex(key), role })
    .returning({ id: apiKeys.id });
  return { id: row.id, key, prefix, role };
}

/** The site and role of a live API key, or null for an unknown or revoked key. */
export async function findApiKeySite(db: DbOrTx, key: string): Promise<{ keyId: string; siteId: string; role: Role } | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const [row] = await db
    .select({ keyId: apiKeys.id, siteId: apiKeys.siteId, role: apiKeys.role })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** A site's live keys, without secrets (the prefix tells them apart). */
export async function listApiKeys(db: DbOrTx, siteId: string) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, role: apiKeys.role, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.siteId, siteId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the site's keys at once; false when the site has no such live key. */
export async function revokeApiKey(db: DbOrTx, siteId: string, keyId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.siteId, siteId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}
