/**
 * Verifies Twilio's signature on an inbound SMS webhook with the configured TWILIO_AUTH_TOKEN.
 * The URL Twilio signed is this server's public URL (PUBLIC_URL) plus the request path and query.
 */
import type { HookVerifier } from './verified-hooks.ts';
import { twilioSignatureValid, type FormParams } from './twilio-signature.ts';

export const twilioVerifier: HookVerifier = async (ctx, _site, request) => {
  const authToken = ctx.config.delivery.twilio?.authToken;
  if (!authToken) return 'SMS replies need the Twilio credentials (TWILIO_AUTH_TOKEN) configured';
  const url = new URL(request.url, ctx.config.publicUrl).toString();
  const given = request.headers['x-twilio-signature'];
  const params = (request.body && typeof request.body === 'object' ? request.body : {}) as FormParams;
  return twilioSignatureValid(authToken, url, params, Array.isArray(given) ? given[0] : given)
    ? null
    : 'X-Twilio-Signature: does not match this request for the configured auth token';
};
