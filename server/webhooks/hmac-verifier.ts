/** Verifies the memberlink signature (webhook-signature.ts) of a JSON webhook against the site's secret. */
import { checkWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, type SignatureFailure } from './webhook-signature.ts';
import { webhookSecretOf } from './webhook-secret.ts';
import type { HookVerifier } from './verified-hooks.ts';
import { claimSignature } from './seen-signatures.ts';
import { ApiError } from '../http/api-error.ts';

const REASONS: Record<SignatureFailure, string> = {
  missing_timestamp: 'X-Memberlink-Timestamp: send the unix time in seconds the request was signed at',
  missing_signature: 'X-Memberlink-Signature: send sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
  stale: 'X-Memberlink-Timestamp: older than 5 minutes; sign each request when you send it',
  future: 'X-Memberlink-Timestamp: more than a minute in the future; check your clock',
  mismatch: 'X-Memberlink-Signature: does not match the body and timestamp for this site\'s webhook secret',
};

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const hmacVerifier: HookVerifier = async (ctx, site, request) => {
  if (!request.rawBody) return 'Content-Type: signed webhooks send application/json';
  const secret = await webhookSecretOf(ctx, site.id);
  if (!secret) return 'no webhook secret for this site';
  const signature = header(request.headers[SIGNATURE_HEADER]);
  const failure = checkWebhookSignature({
    secret,
    timestamp: header(request.headers[TIMESTAMP_HEADER]),
    signature,
    rawBody: request.rawBody,
    now: ctx.now(),
  });
  if (failure) return REASONS[failure];
  // A valid signature works once: a captured request replayed inside the window grants nothing.
  if (!(await claimSignature(ctx.db, site.id, signature!, ctx.now()))) {
    throw new ApiError(409, 'replayed_signature', 'X-Memberlink-Signature: this signed request was already received; sign each request anew (a fresh timestamp) when you send it');
  }
  return null;
};
