/**
 * The signature inbound webhooks carry (pure; no I/O):
 *   X-Memberlink-Timestamp: <unix seconds>
 *   X-Memberlink-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the site's webhook secret>
 * The timestamp is signed with the body, so a captured request can't be replayed once it is older
 * than five minutes; one from more than a minute in the future is refused as well.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-memberlink-timestamp';
export const SIGNATURE_HEADER = 'x-memberlink-signature';
export const MAX_AGE_SECONDS = 5 * 60;
export const MAX_SKEW_SECONDS = 60;

export type SignatureFailure = 'missing_timestamp' | 'missing_signature' | 'stale' | 'future' | 'mismatch';

export function signWebhook(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** Compares in constant time (for equal lengths; the length of a signature is no secret). */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkWebhookSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureFailure | null {
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return 'missing_timestamp';
  if (!input.signature) return 'missing_signature';
  const age = Math.floor(input.now.getTime() / 1000) - Number(input.timestamp);
  if (age > MAX_AGE_SECONDS) return 'stale';
  if (age < -MAX_SKEW_SECONDS) return 'future';
  return sameSignature(signWebhook(input.secret, input.timestamp, input.rawBody), input.signature) ? null : 'mismatch';
}
