/** The embedded transport of a text channel (SMS…): the text is stored in the outbox under its channel. */
import type { Channel } from '../../src/template/channel.ts';
import { writeOutbox, type NewOutboxMessage } from '../delivery/outbox.ts';
import type { ChannelTransport } from './channel-transport.ts';
import type { TextEnvelope } from './text-envelope.ts';

export function outboxTextTransport(channel: Channel): ChannelTransport<TextEnvelope> {
  const outboxRowOf = (message: TextEnvelope): NewOutboxMessage => ({
    siteId: message.siteId,
    channel,
    recipient: message.to,
    contactId: message.contactId ?? null,
    text: message.body,
  });
  return {
    kind: 'outbox',
    storesInDatabase: true,
    async send(message, db) {
      return (await writeOutbox(db, outboxRowOf(message))).id;
    },
    outboxRows(messages) {
      return messages.map(({ deliveryId, item }) => ({ id: deliveryId, ...outboxRowOf(item) }));
    },
  };
}
