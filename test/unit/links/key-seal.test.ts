import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMasterKey, openSecret, sealSecret } from '../../../server/links/key-seal.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'memberlink-seal-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sealed secrets', () => {
  const master = randomBytes(32);

  it('round-trips, with a versioned format and a fresh IV each time', () => {
    const secret = randomBytes(32);
    const a = sealSecret(master, secret);
    const b = sealSecret(master, secret);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret.toString('base64url'));
    expect(openSecret(master, a).equals(secret)).toBe(true);
    expect(openSecret(master, b).equals(secret)).toBe(true);
  });

  it('refuses to open with the wrong master key, clearly', () => {
    const sealed = sealSecret(master, randomBytes(32));
    expect(() => openSecret(randomBytes(32), sealed)).toThrow(/wrong master key/);
  });

  it('refuses tampered ciphertext, tag or version', () => {
    const sealed = sealSecret(master, randomBytes(32));
    const [v, iv, ct, tag] = sealed.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(() => openSecret(master, [v, iv, flip(ct), tag].join('.'))).toThrow(/wrong master key or corrupted/);
    expect(() => openSecret(master, [v, flip(iv), ct, tag].join('.'))).toThrow(/wrong master key or corrupted/);
    expect(() => openSecret(master, [v, iv, ct, flip(tag)].join('.'))).toThrow(/wrong master key or corrupted/);
    expect(() => openSecret(master, ['v2', iv, ct, tag].join('.'))).toThrow(/unknown format/);
    expect(() => openSecret(master, [v, iv, ct].join('.'))).toThrow(/unknown format/);
    expect(() => openSecret(master, [v, iv, ct, tag.slice(2)].join('.'))).toThrow(/unknown format/);
  });

  it('requires a 32-byte master key', () => {
    expect(() => sealSecret(randomBytes(16), randomBytes(32))).toThrow(/32 bytes/);
  });
});

describe('loadMasterKey', () => {
  it('reads MEMBERLINK_MASTER_KEY (base64url of 32 bytes) without touching the data dir', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const loaded = loadMasterKey({ dataDir: join(dir, 'data') }, { MEMBERLINK_MASTER_KEY: key.toString('base64url') });
    expect(loaded.equals(key)).toBe(true);
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it.each([
    ['too short', randomBytes(16).toString('base64url')],
    ['too long', randomBytes(48).toString('base64url')],
    ['standard base64 with padding', randomBytes(32).toString('base64')],
    ['not base64', 'x'.repeat(42) + '!'],
    ['hex', randomBytes(32).toString('hex')],
  ])('refuses a malformed MEMBERLINK_MASTER_KEY (%s) without echoing it', (_name, value) => {
    let message = '';
    try {
      loadMasterKey({ dataDir: tempDir() }, { MEMBERLINK_MASTER_KEY: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/MEMBERLINK_MASTER_KEY must be 32 bytes encoded as base64url/);
    expect(message).not.toContain(value);
  });

  it('creates ${dataDir}/master.key with mode 0600 on first use and reuses it', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadMasterKey({ dataDir }, {});
    expect(first.length).toBe(32);
    const file = join(dataDir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64url'));
    expect(loadMasterKey({ dataDir }, { MEMBERLINK_MASTER_KEY: '' }).equals(first)).toBe(true);
  });

  it('refuses a corrupted master.key instead of replacing it', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'master.key'), 'not-a-key\n');
    expect(() => loadMasterKey({ dataDir }, {})).toThrow(/master key file .*master\.key must be 32 bytes/);
    expect(readFileSync(join(dataDir, 'master.key'), 'utf8')).toBe('not-a-key\n');
  });
});
