/**
 * Signing secrets are stored sealed with the server's master key (AES-256-GCM), so a copy of the
 * database alone does not let anyone mint links.
 *
 * Sealed format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url; 12-byte IV, 16-byte tag.
 * The master key comes from MEMBERLINK_MASTER_KEY, else from `${dataDir}/master.key` (created
 * with mode 0600 on first use). Several processes sharing one PostgreSQL database must share the
 * master key, i.e. set MEMBERLINK_MASTER_KEY (or share the data directory).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemberlinkConfig } from '../config.ts';

export const MASTER_KEY_ENV = 'MEMBERLINK_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
/** 32 bytes as unpadded base64url. */
const ENCODED_MASTER_KEY = /^[A-Za-z0-9_-]{43}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;
const HOW_TO_GENERATE = `generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;

/** Decodes a master key; the error never repeats the (possibly secret) value. */
function decodeMasterKey(encoded: string, source: string): Buffer {
  const trimmed = encoded.trim();
  const key = ENCODED_MASTER_KEY.test(trimmed) ? Buffer.from(trimmed, 'base64url') : null;
  if (!key || key.length !== MASTER_KEY_BYTES) {
    throw new Error(`${source} must be ${MASTER_KEY_BYTES} bytes encoded as base64url (43 characters); ${HOW_TO_GENERATE}`);
  }
  return key;
}

export function loadMasterKey(
  config: Pick<MemberlinkConfig, 'dataDir'>,
  env: Record<string, string | undefined> = process.env,
): Buffer {
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return decodeMasterKey(fromEnv, MASTER_KEY_ENV);

  const path = join(config.dataDir, MASTER_KEY_FILE);
  try {
    return decodeMasterKey(readFileSync(path, 'utf8'), `The master key file ${path}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(MASTER_KEY_BYTES);
  try {
    // 'wx': never overwrite a key another process wrote in the meantime (that would orphan its secrets).
    writeFileSync(path, key.toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decodeMasterKey(readFileSync(path, 'utf8'), `The master key file ${path}`);
  }
}

function assertMasterKey(master: Buffer): void {
  if (!Buffer.isBuffer(master) || master.length !== MASTER_KEY_BYTES) {
    throw new TypeError(`The master key must be ${MASTER_KEY_BYTES} bytes`);
  }
}

export function sealSecret(master: Buffer, bytes: Uint8Array): string {
  assertMasterKey(master);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const ciphertext = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, ciphertext, tag].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function openSecret(master: Buffer, sealed: string): Buffer {
  assertMasterKey(master);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((p) => B64URL.test(p))) {
    throw new Error('Cannot open sealed secret: unknown format (expected v1.<iv>.<ciphertext>.<tag>)');
  }
  const iv = Buffer.from(parts[1], 'base64url');
  const ciphertext = Buffer.from(parts[2], 'base64url');
  const tag = Buffer.from(parts[3], 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('Cannot open sealed secret: unknown format (bad IV or tag length)');
  }
  const decipher = createDecipheriv('aes-256-gcm', master, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new Error(
      `Cannot open sealed secret: wrong master key or corrupted data (is ${MASTER_KEY_ENV} / ${MASTER_KEY_FILE} the one these keys were sealed with?)`,
    );
  }
}
