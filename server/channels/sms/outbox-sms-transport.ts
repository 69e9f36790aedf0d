/** The embedded SMS transport: the text is stored in the outbox. */
import { writeOutbox, writeOutboxMany, type NewOutboxMessage } from '../../delivery/outbox.ts';
import type { ChannelTransport } from '../channel-transport.ts';
import type { SmsEnvelope } from './sms-envelope.ts';

const outboxRowOf = (sms: SmsEnvelope): NewOutboxMessage => ({
  siteId: sms.siteId,
  channel: 'sms',
  recipient: sms.to,
  contactId: sms.contactId ?? null,
  text: sms.body,
});

export function outboxSmsTransport(): ChannelTransport<SmsEnvelope> {
  return {
    kind: 'outbox',
    storesInDatabase: true,
    async send(sms, db) {
      return (await writeOutbox(db, outboxRowOf(sms))).id;
    },
    async storeMany(messages, db) {
      await writeOutboxMany(db, messages.map(({ deliveryId, item }) => ({ id: deliveryId, ...outboxRowOf(item) })));
    },
  };
}
