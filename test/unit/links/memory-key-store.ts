/**
 * An in-memory SigningKeyStore for pure tests: same contract as the database store, plus raw
 * secrets, call counts and a way to hold lookups in flight (what a slow database does).
 */
import { randomBytes } from 'node:crypto';
import { sealSecret } from '../../../server/links/key-seal.ts';
import {
  newKid,
  type SigningKeyStatus,
  type SigningKeyStore,
  type StoredSigningKey,
} from '../../../server/links/signing-keys.ts';

export interface MemoryKey extends StoredSigningKey {
  raw: Buffer;
}

export class MemoryKeyStore implements SigningKeyStore {
  readonly keys = new Map<string, MemoryKey>();
  calls = { findByKid: 0, activeKey: 0 };
  #held: Promise<void> | null = null;

  constructor(readonly master: Buffer) {}

  add(siteId: string, status: SigningKeyStatus = 'active'): MemoryKey {
    const raw = randomBytes(32);
    const key: MemoryKey = {
      kid: newKid(),
      siteId,
      algorithm: 'HS256',
      status,
      sealedSecret: sealSecret(this.master, raw),
      raw,
    };
    this.keys.set(key.kid, key);
    return key;
  }

  rotate(siteId: string): MemoryKey {
    for (const key of this.keys.values()) if (key.siteId === siteId && key.status === 'active') key.status = 'verify';
    return this.add(siteId);
  }

  setStatus(kid: string, status: SigningKeyStatus): void {
    this.keys.get(kid)!.status = status;
  }

  /** Lookups from now on wait (after they are counted) until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.#held = new Promise((resolve) => (release = resolve));
    return () => {
      this.#held = null;
      release();
    };
  }

  async findByKid(kid: string): Promise<StoredSigningKey | null> {
    this.calls.findByKid++;
    await this.#held;
    const key = this.keys.get(kid);
    return key ? strip(key) : null;
  }

  async activeKey(siteId: string): Promise<StoredSigningKey> {
    this.calls.activeKey++;
    await this.#held;
    for (const key of this.keys.values()) if (key.siteId === siteId && key.status === 'active') return strip(key);
    return strip(this.add(siteId));
  }
}

const strip = ({ raw: _raw, ...stored }: MemoryKey): StoredSigningKey => ({ ...stored });
