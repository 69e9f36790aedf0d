/**
 * The embedded email transport: the message is built as SMTP would send it (raw MIME, same
 * headers, via nodemailer's stream transport) and stored in the outbox instead.
 */
import nodemailer from 'nodemailer';
import { writeOutbox, writeOutboxMany, type NewOutboxMessage } from '../../delivery/outbox.ts';
import { mailOptionsOf, type EmailEnvelope } from './email-envelope.ts';
import type { ChannelTransport } from '../channel-transport.ts';
import type { DbOrTx } from '../../db/database.ts';

const mime = nodemailer.createTransport({ streamTransport: true, buffer: true });

export async function rawMimeOf(email: EmailEnvelope): Promise<string> {
  const info = await mime.sendMail(mailOptionsOf(email));
  return (info.message as Buffer).toString('utf8');
}

async function outboxRowOf(email: EmailEnvelope): Promise<NewOutboxMessage> {
  return {
    siteId: email.siteId,
    channel: 'email',
    recipient: email.to,
    contactId: email.contactId ?? null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    raw: await rawMimeOf(email),
  };
}

export function outboxEmailTransport(): ChannelTransport<EmailEnvelope> {
  return {
    kind: 'outbox',
    storesInDatabase: true,
    async send(email: EmailEnvelope, db: DbOrTx) {
      return (await writeOutbox(db, await outboxRowOf(email))).id;
    },
    async storeMany(emails, db) {
      const rows = [];
      for (const { deliveryId, item } of emails) rows.push({ id: deliveryId, ...(await outboxRowOf(item)) });
      await writeOutboxMany(db, rows);
    },
  };
}
