/** An in-memory SigningKeyStore for pure tests: same contract as the database store, plus raw secrets and call counts. */
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

  async findByKid(kid: string): Promise<StoredSigningKey | null> {
    this.calls.findByKid++;
    const key = this.keys.get(kid);
    return key ? strip(key) : null;
  }

  async activeKey(siteId: string): Promise<StoredSigningKey> {
    this.calls.activeKey++;
    for (const key of this.keys.values()) if (key.siteId === siteId && key.status === 'active') return strip(key);
    return strip(this.add(siteId));
  }
}

const strip = ({ raw: _raw, ...stored }: MemoryKey): StoredSigningKey => ({ ...stored });
