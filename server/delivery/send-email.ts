/**
 * Sends one rendered email now (system mail: login links, fresh links after expiry).
 * Bulk sends go through the message queue instead.
 */
import type { AppContext } from '../context.ts';
import { writeOutbox } from './outbox.ts';

export interface OutgoingEmail {
  siteId: string;
  contactId?: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export async function sendEmailNow(ctx: AppContext, email: OutgoingEmail): Promise<void> {
  // Until a transport is configured (SMTP_URL), the embedded outbox is the transport.
  await writeOutbox(ctx.db, {
    siteId: email.siteId,
    channel: 'email',
    recipient: email.to,
    contactId: email.contactId ?? null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    raw: null,
  });
}
