/**
 * Delivers one rendered message to one contact and records it as sent (with `message.sent`).
 * A transport that stores in the database (the outbox) writes in the same transaction as the
 * mark, so a crash leaves either both or neither; a network transport sends first, then marks.
 */
import type { AppContext } from '../context.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { Tx } from '../db/database.ts';
import { newMessageId } from '../delivery/email-envelope.ts';
import { transportsOf } from '../delivery/transports.ts';
import { unsubscribeUrl } from '../delivery/unsubscribe-token.ts';
import { inTransaction, type Emit } from '../events/transaction.ts';
import type { RenderedMessage } from '../render/render-message.ts';
import { markSent, type Claim } from './recipient-claims.ts';

/** Another process re-claimed the row (ours was taken for dead): it sends; we must not record. */
export class ClaimLostError extends Error {}

export interface RecipientDelivery {
  siteId: string;
  /** The From header, computed once per batch. */
  from: string;
  claim: Claim;
  contact: Contact;
  rendered: RenderedMessage;
}

export async function deliverRecipient(ctx: AppContext, d: RecipientDelivery): Promise<void> {
  const transports = transportsOf(ctx);
  const { contact, rendered, claim } = d;
  const send = (db: Tx | AppContext['db']): Promise<string> =>
    rendered.channel === 'email'
      ? transports.email.send(
          {
            siteId: d.siteId,
            contactId: contact.id,
            from: d.from,
            to: contact.email!,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            // The same id on a re-send after a crash lets receivers drop the duplicate.
            messageId: newMessageId(`${claim.messageId}.${contact.id}`, d.from),
            unsubscribeUrl: unsubscribeUrl(ctx, d.siteId, contact.id),
          },
          db,
        )
      : transports.sms.send({ siteId: d.siteId, contactId: contact.id, to: contact.phone!, body: rendered.text }, db);
  const record = async (tx: Tx, emit: Emit, deliveryId: string) => {
    if (!(await markSent(tx, claim, contact.id, deliveryId, ctx.now()))) throw new ClaimLostError();
    await emit(d.siteId, 'message.sent', { messageId: claim.messageId, contactId: contact.id, channel: rendered.channel });
  };
  const storesInDatabase = rendered.channel === 'email' ? transports.email.storesInDatabase : transports.sms.storesInDatabase;
  if (storesInDatabase) {
    await inTransaction(ctx, async (tx, emit) => record(tx, emit, await send(tx)));
  } else {
    const deliveryId = await send(ctx.db);
    await inTransaction(ctx, (tx, emit) => record(tx, emit, deliveryId));
  }
}
