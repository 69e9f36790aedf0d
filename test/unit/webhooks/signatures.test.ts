/** The two inbound signature schemes, pure: memberlink's HMAC-SHA256 with a timestamp, and Twilio's. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twilioSignature, twilioSignatureValid } from '../../../server/webhooks/twilio-signature.ts';
import { checkWebhookSignature, sameSignature, signWebhook } from '../../../server/webhooks/webhook-signature.ts';

describe('memberlink webhook signature', () => {
  const secret = 'whsec_test';
  const body = Buffer.from('{"email":"a@b.example","offerId":"x"}');
  const now = new Date('2026-01-01T12:00:00Z');
  const ts = Math.floor(now.getTime() / 1000);
  const check = (over: Partial<Parameters<typeof checkWebhookSignature>[0]>) =>
    checkWebhookSignature({ secret, timestamp: String(ts), signature: signWebhook(secret, ts, body), rawBody: body, now, ...over });

  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`sha256=${expected}`);
    expect(check({})).toBeNull();
  });

  it('refuses another body, another secret, and missing or malformed headers', () => {
    expect(check({ rawBody: Buffer.from(body.toString().replace('a@b', 'c@d')) })).toBe('mismatch');
    expect(check({ signature: signWebhook('whsec_other', ts, body) })).toBe('mismatch');
    expect(check({ signature: 'sha256=abc' })).toBe('mismatch');
    expect(check({ signature: undefined })).toBe('missing_signature');
    expect(check({ timestamp: undefined })).toBe('missing_timestamp');
    expect(check({ timestamp: '12:00' })).toBe('missing_timestamp');
  });

  it('accepts up to 5 minutes old and 1 minute ahead; refuses replays beyond', () => {
    const at = (offset: number) => ({ timestamp: String(ts + offset), signature: signWebhook(secret, ts + offset, body) });
    expect(check(at(-300))).toBeNull();
    expect(check(at(-301))).toBe('stale');
    expect(check(at(60))).toBeNull();
    expect(check(at(61))).toBe('future');
  });

  it('compares equal-length strings only', () => {
    expect(sameSignature('sha256=aa', 'sha256=aa')).toBe(true);
    expect(sameSignature('sha256=aa', 'sha256=ab')).toBe(false);
    expect(sameSignature('sha256=aa', 'sha256=aaa')).toBe(false);
  });
});

describe("Twilio's request signature", () => {
  // Twilio's published example (docs: "Validating requests", auth token 12345).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' };

  it("matches Twilio's documented signature", () => {
    expect(twilioSignature('12345', url, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignatureValid('12345', url, params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
  });

  it('fails for another token, URL, parameter value, or no header', () => {
    expect(twilioSignatureValid('54321', url, params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(twilioSignatureValid('12345', url.replace('https', 'http'), params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(twilioSignatureValid('12345', url, { ...params, Digits: '9999' }, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(twilioSignatureValid('12345', url, params, undefined)).toBe(false);
  });

  it('signs repeated parameters with each distinct value, sorted', () => {
    const repeated = twilioSignature('12345', url, { MediaUrl: ['b', 'a', 'b'] });
    expect(repeated).toBe(createHmac('sha1', '12345').update(`${url}MediaUrlaMediaUrlb`).digest('base64'));
  });
});
