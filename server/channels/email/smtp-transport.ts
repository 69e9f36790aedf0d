/** Email over SMTP with nodemailer: a connection pool, optional DKIM signing. */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { DeliveryConfig } from '../../delivery/delivery-config.ts';
import { smtpDeliveryError } from '../../delivery/delivery-error.ts';
import type { ChannelTransport } from '../channel-transport.ts';
import { mailOptionsOf, type EmailEnvelope } from './email-envelope.ts';

/**
 * The headers DKIM signs: nodemailer's default list (RFC 6376 §5.4) plus List-Unsubscribe-Post,
 * because RFC 8058 §4 asks for both one-click unsubscribe headers to be covered — without it a
 * receiver can't trust that the one-click POST was the sender's.
 */
export const DKIM_SIGNED_HEADERS = [
  'From', 'Sender', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'To', 'Cc', 'MIME-Version', 'Content-Type',
  'Content-Transfer-Encoding', 'Content-ID', 'Content-Description', 'Resent-Date', 'Resent-From', 'Resent-Sender',
  'Resent-To', 'Resent-Cc', 'Resent-Message-ID', 'In-Reply-To', 'References', 'List-Id', 'List-Help',
  'List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Subscribe', 'List-Post', 'List-Owner', 'List-Archive',
].join(':');

/** The certificate authority SMTP_CA_FILE names, read once at start so a wrong path stops the server. */
function trustedCa(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`SMTP_CA_FILE ${path} cannot be read (${(error as Error).message})`);
  }
}

export function smtpTransport(config: DeliveryConfig & { smtpUrl: string }): ChannelTransport<EmailEnvelope> {
  const url = new URL(config.smtpUrl);
  const ca = trustedCa(config.smtpCaFile);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A local relay or test server may offer STARTTLS with a self-signed certificate.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    ...(ca && { tls: { ca } }),
    pool: true,
    maxConnections: Math.max(1, Math.min(config.concurrency, 20)),
    ...(config.dkim && { dkim: { ...config.dkim, headerFieldNames: DKIM_SIGNED_HEADERS } }),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    storesInDatabase: false,
    async send(email) {
      try {
        const info = await transporter.sendMail(mailOptionsOf(email));
        return info.messageId;
      } catch (error) {
        throw smtpDeliveryError(error);
      }
    },
    async close() {
      transporter.close();
    },
  };
}
