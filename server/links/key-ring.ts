/**
 * The process-wide cache of imported signing keys. jose re-imports raw or KeyObject secrets on
 * every sign/verify call (jose 6 exports a secret KeyObject to bytes and runs
 * `crypto.subtle.importKey` each time), so each secret is opened and imported ONCE into a
 * non-extractable WebCrypto CryptoKey, which jose uses as is.
 *
 * Statuses are re-read from the store after `refreshMs` so a rotation or retirement done by
 * another process takes effect here within that interval (the key material is not re-imported);
 * `invalidate(siteId)` makes it immediate in this process. Unknown kids are remembered for
 * `negativeMs`, and kids that cannot be ours never reach the store, so garbage tokens do not
 * hammer the database. Retired keys are never imported and never verify.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { DbOrTx } from '../db/database.ts';
import { openSecret } from './key-seal.ts';
import { CACHE_STALENESS_MS } from '../cache/cache-staleness.ts';
import {
  KID_PATTERN,
  SECRET_BYTES,
  SIGNING_ALGORITHM,
  databaseKeyStore,
  type SigningKeyStore,
  type StoredSigningKey,
} from './signing-keys.ts';

/** A non-extractable WebCrypto HMAC key (the global `crypto` of Node ≥ 20). */
export type LinkCryptoKey = CryptoKey;

export interface SigningKey {
  kid: string;
  siteId: string;
  key: LinkCryptoKey;
  /**
   * The same secret as a node:crypto KeyObject: minting signs with node's HMAC directly, several
   * times faster than jose's async WebCrypto path, which bulk sends need (see bench/mint.ts).
   */
  hmac?: KeyObject;
}

export type VerificationKey =
  /** `hmac`: the same secret as a node:crypto KeyObject, which verification checks signatures with. */
  | { kid: string; siteId: string; status: 'active' | 'verify'; key: LinkCryptoKey; hmac: KeyObject }
  | { kid: string; siteId: string; status: 'retired'; key: null };

/** What token verification needs from a ring (tests may stub it). */
export interface VerificationKeySource {
  verificationKey(kid: string): Promise<VerificationKey | null>;
}

export interface KeyRingOptions {
  /** How long a cached status (and a site's active kid) is trusted before re-reading it. */
  refreshMs?: number;
  /** How long an unknown kid is remembered as unknown. */
  negativeMs?: number;
  /** Bound on remembered unknown kids (the cache is cleared when full). */
  maxNegative?: number;
  /** Wall clock for cache freshness (not the request's `now`). */
  clock?: () => number;
}

interface CachedKey {
  siteId: string;
  status: StoredSigningKey['status'];
  key: LinkCryptoKey | null;
  hmac: KeyObject | null;
  checkedAt: number;
  /** What `cachedSigningKey` answers for it, made on first ask. */
  signingView?: SigningKey;
}

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

export class KeyRing implements VerificationKeySource {
  readonly #store: SigningKeyStore;
  readonly #master: Buffer;
  readonly #refreshMs: number;
  readonly #negativeMs: number;
  readonly #maxNegative: number;
  readonly #clock: () => number;
  readonly #byKid = new Map<string, CachedKey>();
  readonly #activeBySite = new Map<string, { kid: string; checkedAt: number }>();
  readonly #unknownUntil = new Map<string, number>();
  /** In-flight loads, so a burst of tokens with one kid costs one query. */
  readonly #loading = new Map<string, Promise<VerificationKey | null>>();
  readonly #loadingActive = new Map<string, Promise<SigningKey>>();
  #generation = 0;

  constructor(store: SigningKeyStore, master: Buffer, options: KeyRingOptions = {}) {
    this.#store = store;
    this.#master = master;
    this.#refreshMs = options.refreshMs ?? CACHE_STALENESS_MS;
    this.#negativeMs = options.negativeMs ?? 30_000;
    this.#maxNegative = options.maxNegative ?? 10_000;
    this.#clock = options.clock ?? Date.now;
  }

  /** One ring per process over the root database handle (not a transaction: the ring outlives it). */
  static fromDatabase(db: DbOrTx, master: Buffer, options?: KeyRingOptions): KeyRing {
    return new KeyRing(databaseKeyStore(db, master), master, options);
  }

  /**
   * The site's active key when this ring holds it and it is fresh, without a promise (a bulk
   * send's minter asks once per link); else undefined, and `signingKey` loads it.
   */
  cachedSigningKey(siteId: string): SigningKey | undefined {
    const active = this.#activeBySite.get(siteId);
    if (!active || !this.#fresh(active.checkedAt)) return undefined;
    const cached = this.#byKid.get(active.kid);
    if (!cached?.key || cached.status !== 'active') return undefined;
    // One answer object per cached key (its kid, site and secret never change; its status is checked above).
    cached.signingView ??= { kid: active.kid, siteId, key: cached.key, hmac: cached.hmac ?? undefined };
    return cached.signingView;
  }

  /** The site's active key (created on first use when the site has none). */
  async signingKey(siteId: string): Promise<SigningKey> {
    const cached = this.cachedSigningKey(siteId);
    if (cached) return cached;
    let loading = this.#loadingActive.get(siteId);
    if (!loading) {
      loading = this.#loadActive(siteId).finally(() => this.#loadingActive.delete(siteId));
      this.#loadingActive.set(siteId, loading);
    }
    return loading;
  }

  /** The key a token names, with its site and status; null for a kid no site has. */
  async verificationKey(kid: string): Promise<VerificationKey | null> {
    if (typeof kid !== 'string' || !KID_PATTERN.test(kid)) return null;
    const cached = this.#byKid.get(kid);
    if (cached && this.#fresh(cached.checkedAt)) return view(kid, cached);
    const unknownUntil = this.#unknownUntil.get(kid);
    if (unknownUntil !== undefined) {
      if (unknownUntil > this.#clock()) return null;
      this.#unknownUntil.delete(kid);
    }
    let loading = this.#loading.get(kid);
    if (!loading) {
      loading = this.#loadByKid(kid).finally(() => this.#loading.delete(kid));
      this.#loading.set(kid, loading);
    }
    return loading;
  }

  /** Forget what is cached about a site's keys (call after rotate/retire). */
  invalidate(siteId: string): void {
    this.#generation++;
    this.#activeBySite.delete(siteId);
    for (const [kid, entry] of this.#byKid) if (entry.siteId === siteId) this.#byKid.delete(kid);
    this.#unknownUntil.clear();
  }

  #fresh(checkedAt: number): boolean {
    return this.#clock() - checkedAt < this.#refreshMs;
  }

  async #loadActive(siteId: string): Promise<SigningKey> {
    const generation = this.#generation;
    const stored = await this.#store.activeKey(siteId);
    if (stored.siteId !== siteId || stored.status !== 'active') {
      throw new Error(`The key store returned a key that is not site ${siteId}'s active key`);
    }
    const entry = await this.#remember(stored, generation);
    if (generation === this.#generation) this.#activeBySite.set(siteId, { kid: stored.kid, checkedAt: entry.checkedAt });
    return { kid: stored.kid, siteId, key: entry.key!, hmac: entry.hmac ?? undefined };
  }

  async #loadByKid(kid: string): Promise<VerificationKey | null> {
    const generation = this.#generation;
    const stored = await this.#store.findByKid(kid);
    if (!stored) {
      if (this.#unknownUntil.size >= this.#maxNegative) this.#unknownUntil.clear();
      this.#unknownUntil.set(kid, this.#clock() + this.#negativeMs);
      return null;
    }
    return view(kid, await this.#remember(stored, generation));
  }

  /** Caches a stored key, importing its secret only the first time it is seen (never when retired). */
  async #remember(stored: StoredSigningKey, generation: number): Promise<CachedKey> {
    if (stored.algorithm !== SIGNING_ALGORITHM) {
      throw new Error(`Signing key ${stored.kid} uses unsupported algorithm ${stored.algorithm}`);
    }
    const previous = this.#byKid.get(stored.kid);
    let imported: { key: LinkCryptoKey; hmac: KeyObject } | null = null;
    if (stored.status !== 'retired') {
      imported =
        previous?.key && previous.hmac
          ? { key: previous.key, hmac: previous.hmac }
          : await importSecret(this.#master, stored.sealedSecret, stored.kid);
    }
    const entry: CachedKey = {
      siteId: stored.siteId,
      status: stored.status,
      key: imported?.key ?? null,
      hmac: imported?.hmac ?? null,
      checkedAt: this.#clock(),
      signingView: undefined,
    };
    // A load that started before invalidate() may carry a stale status: use it for this call only.
    if (generation === this.#generation) this.#byKid.set(stored.kid, entry);
    return entry;
  }
}

function view(kid: string, entry: CachedKey): VerificationKey {
  if (entry.status === 'retired' || !entry.key || !entry.hmac) return { kid, siteId: entry.siteId, status: 'retired', key: null };
  return { kid, siteId: entry.siteId, status: entry.status, key: entry.key, hmac: entry.hmac };
}

async function importSecret(master: Buffer, sealed: string, kid: string): Promise<{ key: LinkCryptoKey; hmac: KeyObject }> {
  const secret = openSecret(master, sealed);
  try {
    if (secret.length < SECRET_BYTES) throw new Error(`Signing key ${kid} is shorter than ${SECRET_BYTES} bytes`);
    const key = await globalThis.crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, HMAC, false, ['sign', 'verify']);
    // createSecretKey copies the bytes, so zeroing `secret` below leaves the KeyObject intact.
    return { key, hmac: createSecretKey(secret) };
  } finally {
    secret.fill(0);
  }
}
