/**
 * Sends one rendered email now (system mail: login links, fresh links after expiry) through the
 * configured transport — SMTP when SMTP_URL is set, else the outbox. Bulk sends go through the
 * message queue instead.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { findSiteByRef } from '../../sites/site-repository.ts';
import { transportOf } from '../transports.ts';
import { newMessageId, type EmailEnvelope } from './email-envelope.ts';
import { senderOf } from './sender-address.ts';

export interface OutgoingEmail {
  siteId: string;
  contactId?: string | null;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export async function sendEmailNow(ctx: AppContext, email: OutgoingEmail): Promise<void> {
  const site = await findSiteByRef(ctx.db, email.siteId);
  if (!site) throw new Error(`No site ${email.siteId}`);
  const from = senderOf(ctx.config, site);
  const envelope: EmailEnvelope = { ...email, from, messageId: newMessageId(randomUUID(), from) };
  await transportOf(ctx, 'email').send(envelope, ctx.db);
}
