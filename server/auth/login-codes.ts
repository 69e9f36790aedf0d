/**
 * Login codes: every login email the system sends carries a 6-digit code beside its link, for the
 * person who opens the email on another device, or whose link a mail scanner already used. A code
 * is bound to its request (one login_codes row, tied to the link sent with it), lives 10 minutes,
 * allows 5 attempts and logs in once. Only an HMAC of request id and code is stored, keyed by a
 * key derived from the master key, so a copy of the database alone can't be searched for codes.
 * Codes are credentials: never log one.
 */
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/database.ts';
import { loginCodes } from '../db/schema.ts';
import type { LinkAudience } from '../links/link-token.ts';
import { secretsEqual } from '../crypto/secrets.ts';
import { loginCodeField } from '../../src/contract/fields.ts';

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const LOGIN_CODE_MAX_ATTEMPTS = 5;
export const LOGIN_CODE_DIGITS = 6;

const derivedKeys = new WeakMap<Buffer, Buffer>();
function codeKey(masterKey: Buffer): Buffer {
  let key = derivedKeys.get(masterKey);
  if (!key) {
    key = createHmac('sha256', masterKey).update('memberlink login codes v1').digest();
    derivedKeys.set(masterKey, key);
  }
  return key;
}

export function loginCodeHash(masterKey: Buffer, requestId: string, code: string): string {
  return createHmac('sha256', codeKey(masterKey)).update(`${requestId}.${code}`).digest('base64url');
}

/** Constant-time: whether `code` is the one hashed into `storedHash` for this request. */
export function loginCodeMatches(masterKey: Buffer, requestId: string, code: string, storedHash: string): boolean {
  return secretsEqual(loginCodeHash(masterKey, requestId, code), storedHash);
}

/** "123 456" → "123456"; null when it can't be a code. */
export function normaliseLoginCode(typed: unknown): string | null {
  const parsed = loginCodeField.safeParse(String(typed ?? ''));
  return parsed.success ? parsed.data : null;
}

export interface IssueLoginCode {
  /** Chosen before the email is sent when the page answering the request names it. */
  requestId?: string;
  siteId: string;
  kind: LinkAudience;
  subjectId: string;
  /** The link sent in the same email. */
  jti: string;
  now: Date;
}

/** Stores a new code for a login request; returns the code (for the email only) and the request id. */
export async function issueLoginCode(db: DbOrTx, masterKey: Buffer, request: IssueLoginCode): Promise<{ code: string; requestId: string }> {
  const requestId = request.requestId ?? randomUUID();
  const code = String(randomInt(0, 10 ** LOGIN_CODE_DIGITS)).padStart(LOGIN_CODE_DIGITS, '0');
  await db.insert(loginCodes).values({
    id: requestId,
    siteId: request.siteId,
    kind: request.kind,
    subjectId: request.subjectId,
    jti: request.jti,
    codeHash: loginCodeHash(masterKey, requestId, code),
    expiresAt: new Date(request.now.getTime() + LOGIN_CODE_TTL_MS),
  });
  return { code, requestId };
}
