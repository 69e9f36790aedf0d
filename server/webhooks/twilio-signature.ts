/**
 * Twilio's request signature (pure): X-Twilio-Signature is the base64 HMAC-SHA1, keyed with the
 * account's auth token, of the full URL Twilio requested followed by every POST parameter name and
 * value, names sorted (a repeated name contributes each distinct value, sorted).
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
import { createHmac } from 'node:crypto';
import { sameSignature } from './webhook-signature.ts';

export type FormParams = Record<string, string | string[] | undefined>;

export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : value === undefined ? [] : [value];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export function twilioSignatureValid(authToken: string, url: string, params: FormParams, given: string | undefined): boolean {
  return given !== undefined && sameSignature(twilioSignature(authToken, url, params), given);
}
