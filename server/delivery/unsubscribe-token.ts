/**
 * Per-contact unsubscribe links: `{contactId}.{mac}`, the mac an HMAC of site and contact under a
 * key derived from the master key. Nothing is stored; the link can't be forged or moved to another
 * contact, and it keeps working (unsubscribing is idempotent).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { UUID_PATTERN } from '../../src/template/uuid.ts';

const keys = new WeakMap<Buffer, Buffer>();

function unsubscribeKey(masterKey: Buffer): Buffer {
  let key = keys.get(masterKey);
  if (!key) {
    key = createHmac('sha256', masterKey).update('memberlink unsubscribe v1').digest();
    keys.set(masterKey, key);
  }
  return key;
}

function mac(masterKey: Buffer, siteId: string, contactId: string): string {
  return createHmac('sha256', unsubscribeKey(masterKey)).update(`${siteId}:${contactId}`).digest('base64url').slice(0, 22);
}

export function unsubscribeToken(ctx: Pick<AppContext, 'masterKey'>, siteId: string, contactId: string): string {
  return `${contactId}.${mac(ctx.masterKey, siteId, contactId)}`;
}

export function unsubscribeUrl(ctx: Pick<AppContext, 'masterKey' | 'config'>, siteId: string, contactId: string): string {
  return new URL(`/api/unsubscribe/${unsubscribeToken(ctx, siteId, contactId)}`, ctx.config.publicUrl).toString();
}

/** What previews show for `{{unsubscribe_url}}`: the real endpoint with a token that names no one. */
export function previewUnsubscribeUrl(config: AppContext['config']): string {
  return new URL('/api/unsubscribe/preview', config.publicUrl).toString();
}

/** The contact id the token names, once its mac is checked against the contact's site. */
export function contactIdOfToken(token: string): string | null {
  const [contactId, given] = token.split('.');
  return UUID_PATTERN.test(contactId ?? '') && given ? contactId : null;
}

export function unsubscribeTokenValid(ctx: Pick<AppContext, 'masterKey'>, token: string, siteId: string): boolean {
  const contactId = contactIdOfToken(token);
  if (!contactId) return false;
  const expected = Buffer.from(unsubscribeToken(ctx, siteId, contactId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
