/**
 * Delivery and sending configuration (part of the process configuration, parsed once at start).
 * Unset SMTP_URL / Twilio credentials mean the embedded outbox is the transport.
 */
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const deliveryEnvSchema = z.object({
  /** e.g. smtp://user:pass@smtp.example.com:587 or smtps://…; unset = the outbox. */
  SMTP_URL: z.string().url().optional(),
  /**
   * PEM file of the certificate (or the authority that signed it) the SMTP server presents, when the
   * system does not trust it: a private relay's own CA, a self-signed certificate. STARTTLS and
   * smtps:// then verify against it instead of failing.
   */
  SMTP_CA_FILE: z.string().min(1).optional(),
  /** From address when a site has no support email (e.g. "Academy <no-reply@example.com>"). */
  MAIL_FROM: z.string().optional(),
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z.string().optional(),
  /** PEM private key (literal "\n" sequences are accepted for one-line env files). */
  DKIM_PRIVATE_KEY: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** Sender number (E.164) or a Messaging Service SID (MG…). */
  TWILIO_FROM: z.string().optional(),
  /** Twilio's API origin; tests point it at a local fake. */
  TWILIO_BASE_URL: z.string().url().default('https://api.twilio.com'),
  /** Deliveries in flight per process. */
  SEND_CONCURRENCY: positiveInt(8),
  /** Batch jobs worked at once per process (one renders while another writes). */
  SEND_WORKERS: positiveInt(2),
  /** Messages per second per site; 0 = unlimited. */
  SEND_RATE_PER_SITE: z.coerce.number().min(0).default(0),
  /**
   * Recipients per queue job. A job's fixed costs (claiming, loading the contacts and their access,
   * the queue's own fetch and completion, the worker's turn) are paid per batch: at 100 they cost a
   * 20,000-recipient send 18% of its rate on PostgreSQL (bench/campaign: 60% → 73% of the bare
   * outbox rate at 500, no gain past it). A job of 500 still takes well under a second, and a
   * dead process's unsent rows are re-queued whatever the size.
   */
  SEND_BATCH_SIZE: positiveInt(500),
  /** Attempts per recipient before a transient failure becomes permanent. */
  SEND_MAX_ATTEMPTS: positiveInt(5),
  /** First retry delay; doubles with every retry (pg-boss backoff). */
  SEND_RETRY_DELAY_SECONDS: positiveInt(5),
  /**
   * A process's lease on its claims; a live process renews it every third of this (a heartbeat),
   * so a dead one's claims are free this long after its last heartbeat.
   */
  SEND_LEASE_SECONDS: z.coerce.number().min(1).default(15),
  /** How often every process looks for expired leases and takes their claims over. */
  SEND_SWEEP_SECONDS: z.coerce.number().min(0.5).default(5),
  /** How often an idle worker looks for jobs. */
  SEND_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
});

export interface DeliveryConfig {
  smtpUrl?: string;
  smtpCaFile?: string;
  mailFrom?: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  twilio?: { accountSid: string; authToken: string; from: string; baseUrl: string };
  concurrency: number;
  workers: number;
  ratePerSite: number;
  batchSize: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  leaseSeconds: number;
  sweepSeconds: number;
  pollSeconds: number;
}

export function deliveryConfigFrom(c: z.output<typeof deliveryEnvSchema>): DeliveryConfig {
  const dkimParts = [c.DKIM_DOMAIN, c.DKIM_SELECTOR, c.DKIM_PRIVATE_KEY];
  if (dkimParts.some(Boolean) && !dkimParts.every(Boolean)) {
    throw new Error('Invalid configuration:\n  DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together');
  }
  const twilioParts = [c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, c.TWILIO_FROM];
  if (twilioParts.some(Boolean) && !twilioParts.every(Boolean)) {
    throw new Error('Invalid configuration:\n  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must be set together');
  }
  return {
    smtpUrl: c.SMTP_URL || undefined,
    smtpCaFile: c.SMTP_CA_FILE,
    mailFrom: c.MAIL_FROM || undefined,
    dkim: c.DKIM_DOMAIN
      ? { domainName: c.DKIM_DOMAIN, keySelector: c.DKIM_SELECTOR!, privateKey: c.DKIM_PRIVATE_KEY!.replace(/\\n/g, '\n') }
      : undefined,
    twilio: c.TWILIO_ACCOUNT_SID
      ? { accountSid: c.TWILIO_ACCOUNT_SID, authToken: c.TWILIO_AUTH_TOKEN!, from: c.TWILIO_FROM!, baseUrl: c.TWILIO_BASE_URL }
      : undefined,
    concurrency: c.SEND_CONCURRENCY,
    workers: c.SEND_WORKERS,
    ratePerSite: c.SEND_RATE_PER_SITE,
    batchSize: c.SEND_BATCH_SIZE,
    maxAttempts: c.SEND_MAX_ATTEMPTS,
    retryDelaySeconds: c.SEND_RETRY_DELAY_SECONDS,
    leaseSeconds: c.SEND_LEASE_SECONDS,
    sweepSeconds: c.SEND_SWEEP_SECONDS,
    pollSeconds: c.SEND_POLL_SECONDS,
  };
}
