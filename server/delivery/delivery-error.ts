/**
 * Why a delivery failed, and whether trying again later can help: transient failures (a 4xx SMTP
 * reply, a dropped connection, a provider's 429/5xx) are retried with backoff; permanent ones (a
 * 5xx reply, an invalid number) mark the recipient failed with this message as the reason.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN']);

/** Classifies what nodemailer threw. */
export function smtpDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const reply = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number') {
    return new DeliveryError(`SMTP ${e.responseCode}: ${reply}`, e.responseCode < 500);
  }
  const network = (e.code && NETWORK_CODES.has(e.code)) || /ECONN|ETIMEDOUT|socket|timeout/i.test(reply);
  return new DeliveryError(`SMTP ${e.code ?? 'error'}: ${reply}`, network);
}
