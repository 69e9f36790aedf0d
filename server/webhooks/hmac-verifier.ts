/** Verifies the memberlink signature (webhook-signature.ts) of a JSON webhook against the site's secret. */
import { checkWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, type SignatureFailure } from './webhook-signature.ts';
import { webhookSecretOf } from './webhook-secret.ts';
import type { HookVerifier } from './verified-hooks.ts';

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
  const failure = checkWebhookSignature({
    secret,
    timestamp: header(request.headers[TIMESTAMP_HEADER]),
    signature: header(request.headers[SIGNATURE_HEADER]),
    rawBody: request.rawBody,
    now: ctx.now(),
  });
  return failure && REASONS[failure];
};
