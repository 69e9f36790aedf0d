/**
 * The embedded email transport: the message is stored in the outbox once — subject, html and text
 * in their columns, and in `headers` what else makes it the message SMTP would have sent (From,
 * Message-ID, Date, List-Unsubscribe). Its raw MIME (which holds html and text again) is built when
 * the outbox is read, through the same `mailOptionsOf` as SMTP, so it carries exactly the same
 * headers; the multipart boundary comes from the row's id, so every read builds the same bytes.
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { writeOutbox, type NewOutboxMessage, type OutboxMessage } from '../../delivery/outbox.ts';
import { mailOptionsOf, type EmailEnvelope } from './email-envelope.ts';
import type { ChannelTransport } from '../channel-transport.ts';
import type { DbOrTx } from '../../db/database.ts';

const mime = nodemailer.createTransport({ streamTransport: true, buffer: true });

/** An email's `headers` in the outbox: with the row's recipient, subject, html and text, the whole envelope. */
type StoredEmailHeaders = {
  from: string;
  messageId: string;
  /** When it was stored (ISO 8601): its Date header. */
  date: string;
  unsubscribeUrl?: string;
};

function outboxRowOf(email: EmailEnvelope): NewOutboxMessage {
  const headers: StoredEmailHeaders = {
    from: email.from,
    messageId: email.messageId,
    date: new Date().toISOString(),
    ...(email.unsubscribeUrl && { unsubscribeUrl: email.unsubscribeUrl }),
  };
  return {
    siteId: email.siteId,
    channel: 'email',
    recipient: email.to,
    contactId: email.contactId ?? null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers,
  };
}

/** The raw MIME of an email in the outbox, as SMTP would have sent it (null for a row that is not one). */
export async function storedEmailMime(row: OutboxMessage): Promise<string | null> {
  if (row.raw !== null) return row.raw;
  if (row.headers === null || row.html === null || row.subject === null) return null;
  const headers = row.headers as StoredEmailHeaders;
  const envelope: EmailEnvelope = { ...headers, siteId: row.siteId, contactId: row.contactId, to: row.recipient, subject: row.subject, html: row.html, text: row.text };
  // baseBoundary is a MailComposer option @types/nodemailer does not list.
  const options: Mail.Options & { baseBoundary: string } = {
    ...mailOptionsOf(envelope),
    date: new Date(headers.date),
    baseBoundary: row.id.replaceAll('-', ''),
  };
  const info = await mime.sendMail(options);
  return (info.message as Buffer).toString('utf8');
}

export function outboxEmailTransport(): ChannelTransport<EmailEnvelope> {
  return {
    kind: 'outbox',
    storesInDatabase: true,
    async send(email: EmailEnvelope, db: DbOrTx) {
      return (await writeOutbox(db, outboxRowOf(email))).id;
    },
    outboxRows(emails) {
      return emails.map(({ deliveryId, item }) => ({ id: deliveryId, ...outboxRowOf(item) }));
    },
  };
}
