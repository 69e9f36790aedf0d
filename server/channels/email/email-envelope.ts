/**
 * One rendered email ready for a transport, and the nodemailer message it becomes — one place, so
 * SMTP and the outbox's raw MIME carry exactly the same headers.
 */
import type Mail from 'nodemailer/lib/mailer/index.js';

export interface EmailEnvelope {
  siteId: string;
  contactId?: string | null;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The Message-ID header, `<…@domain>`. */
  messageId: string;
  /** One-click unsubscribe endpoint (RFC 8058); bulk mail has one, system mail (login links) none. */
  unsubscribeUrl?: string;
}

export function mailOptionsOf(email: EmailEnvelope): Mail.Options {
  return {
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: email.messageId,
    // Stated rather than detected: nodemailer's scan of every part to choose was most of the MIME
    // build time in a bulk send (bench/campaign). Quoted-printable is valid for any text.
    textEncoding: 'quoted-printable',
    headers: email.unsubscribeUrl
      ? { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {},
  };
}

/** `<{local}@{domain}>` with the domain of the From address (or `localhost`). */
export function newMessageId(local: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${local}@${domain}>`;
}

/** `"Site Title" <address>`, quoting the name so commas or quotes in a title can't add recipients. */
export function formatFrom(name: string, address: string): string {
  const safe = name.replace(/[\r\n]+/g, ' ').replace(/["\\]/g, '\\$&').trim();
  return safe ? `"${safe}" <${address}>` : address;
}
