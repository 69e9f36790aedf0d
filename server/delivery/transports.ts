/**
 * The process's transports, chosen from configuration: SMTP when SMTP_URL is set, Twilio when its
 * credentials are, the embedded outbox otherwise. Built once per context on first use.
 */
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { EmailTransport } from './email-transport.ts';
import { outboxEmailTransport } from './outbox-email-transport.ts';
import { outboxSmsTransport } from './outbox-sms-transport.ts';
import type { SmsTransport } from './sms-transport.ts';
import { smtpTransport } from './smtp-transport.ts';
import { twilioSmsTransport } from './twilio-sms-transport.ts';

/** One transport per channel, keyed by the channel, so callers look up rather than branch. */
export interface Transports extends Record<Channel, { storesInDatabase: boolean }> {
  email: EmailTransport;
  sms: SmsTransport;
}

const byContext = new WeakMap<AppContext, Transports>();

export function transportsOf(ctx: AppContext): Transports {
  let transports = byContext.get(ctx);
  if (!transports) {
    const config = ctx.config.delivery;
    transports = {
      email: config.smtpUrl ? smtpTransport({ ...config, smtpUrl: config.smtpUrl }) : outboxEmailTransport(),
      sms: config.twilio ? twilioSmsTransport(config.twilio) : outboxSmsTransport(),
    };
    byContext.set(ctx, transports);
  }
  return transports;
}

/** Closes pooled connections (on shutdown). */
export async function closeTransports(ctx: AppContext): Promise<void> {
  const transports = byContext.get(ctx);
  byContext.delete(ctx);
  await transports?.email.close();
}
