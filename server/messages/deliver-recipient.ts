/**
 * Delivers rendered messages and records each as sent (with `message.sent`).
 * A transport that stores in the database (the outbox) writes in the same transaction as the
 * mark, so a crash leaves either both or neither — and a bulk send writes a whole chunk of
 * recipients in that one transaction (`deliverStored`). A network transport sends first, then
 * marks, one recipient at a time (`deliverRecipient`).
 */
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { Tx } from '../db/database.ts';
import { newMessageId, type EmailEnvelope } from '../delivery/email-envelope.ts';
import type { SmsEnvelope } from '../delivery/sms-transport.ts';
import { transportsOf } from '../delivery/transports.ts';
import { unsubscribeUrl } from '../delivery/unsubscribe-token.ts';
import { inTransaction, type Emit } from '../events/transaction.ts';
import type { RenderedMessage } from '../render/render-message.ts';
import { markSent, markSentMany, type Claim } from './recipient-claims.ts';

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

type Envelope = { channel: 'email'; email: EmailEnvelope } | { channel: 'sms'; sms: SmsEnvelope };

function envelopeOf(ctx: AppContext, d: RecipientDelivery): Envelope {
  const { contact, rendered, claim } = d;
  if (rendered.channel === 'sms') return { channel: 'sms', sms: { siteId: d.siteId, contactId: contact.id, to: contact.phone!, body: rendered.text } };
  return {
    channel: 'email',
    email: {
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
  };
}

const sentEvent = (d: RecipientDelivery) => ({ messageId: d.claim.messageId, contactId: d.contact.id, channel: d.rendered.channel });

/** Whether this channel's transport stores in the database (then use `deliverStored`). */
export function storesInDatabase(ctx: AppContext, channel: Channel): boolean {
  const transport = transportsOf(ctx)[channel];
  return transport.storesInDatabase && transport.storeMany !== undefined;
}

export async function deliverRecipient(ctx: AppContext, d: RecipientDelivery): Promise<void> {
  const transports = transportsOf(ctx);
  const envelope = envelopeOf(ctx, d);
  const send = (db: Tx | AppContext['db']): Promise<string> =>
    envelope.channel === 'email' ? transports.email.send(envelope.email, db) : transports.sms.send(envelope.sms, db);
  const record = async (tx: Tx, emit: Emit, deliveryId: string) => {
    if (!(await markSent(tx, d.claim, d.contact.id, deliveryId, ctx.now()))) throw new ClaimLostError();
    await emit(d.siteId, 'message.sent', sentEvent(d));
  };
  const stores = transports[envelope.channel].storesInDatabase;
  if (stores) {
    await inTransaction(ctx, async (tx, emit) => record(tx, emit, await send(tx)));
  } else {
    const deliveryId = await send(ctx.db);
    await inTransaction(ctx, (tx, emit) => record(tx, emit, deliveryId));
  }
}

/**
 * Database-storing transports: delivers and records a chunk of recipients (one claim, one site,
 * one channel) in one transaction — marks first, then stores only the deliveries whose claim still
 * held. Returns how many were delivered (the rest were reclaimed by another process, which sends).
 */
export async function deliverStored(ctx: AppContext, chunk: RecipientDelivery[]): Promise<number> {
  if (chunk.length === 0) return 0;
  const transports = transportsOf(ctx);
  const { claim, siteId } = chunk[0];
  const planned = chunk.map((d) => ({ d, deliveryId: randomUUID(), envelope: envelopeOf(ctx, d) }));
  return inTransaction(ctx, async (tx, _emit, emitMany) => {
    const held = await markSentMany(tx, claim, planned.map(({ d, deliveryId }) => ({ contactId: d.contact.id, deliveryId })), ctx.now());
    const delivering = planned.filter(({ d }) => held.has(d.contact.id));
    const emails = delivering.flatMap(({ deliveryId, envelope }) => (envelope.channel === 'email' ? [{ deliveryId, item: envelope.email }] : []));
    const sms = delivering.flatMap(({ deliveryId, envelope }) => (envelope.channel === 'sms' ? [{ deliveryId, item: envelope.sms }] : []));
    if (emails.length > 0) await transports.email.storeMany!(emails, tx);
    if (sms.length > 0) await transports.sms.storeMany!(sms, tx);
    await emitMany(siteId, 'message.sent', delivering.map(({ d }) => sentEvent(d)));
    return delivering.length;
  });
}
