/**
 * SMS through Twilio's REST Messages API:
 * POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json (form: To, From | MessagingServiceSid,
 * Body; HTTP basic auth). 429 and 5xx are worth retrying; other 4xx (bad number, unverified
 * sender) are permanent and carry Twilio's error code and message.
 */
import { DeliveryError } from '../../delivery/delivery-error.ts';
import type { ChannelTransport } from '../channel-transport.ts';
import type { TextEnvelope } from '../text-envelope.ts';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** E.164 sender or a Messaging Service SID (MG…). */
  from: string;
  baseUrl: string;
}

export function twilioSmsTransport(config: TwilioConfig): ChannelTransport<TextEnvelope> {
  const url = new URL(`/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, config.baseUrl);
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const sender: Record<string, string> = config.from.startsWith('MG') ? { MessagingServiceSid: config.from } : { From: config.from };
  return {
    kind: 'twilio',
    storesInDatabase: false,
    async send(sms) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ To: sms.to, ...sender, Body: sms.body }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new DeliveryError(`Twilio unreachable: ${(error as Error).message}`, true);
      }
      const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (response.ok && body.sid) return body.sid;
      const detail = `Twilio ${response.status}${body.code ? ` (error ${body.code})` : ''}: ${body.message ?? response.statusText}`;
      throw new DeliveryError(detail, response.status === 429 || response.status >= 500);
    },
  };
}
