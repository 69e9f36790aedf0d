/** The embedded SMS transport: the text is stored in the outbox. */
import { writeOutbox } from './outbox.ts';
import type { SmsTransport } from './sms-transport.ts';

export function outboxSmsTransport(): SmsTransport {
  return {
    kind: 'outbox',
    storesInDatabase: true,
    async send(sms, db) {
      const row = await writeOutbox(db, {
        siteId: sms.siteId,
        channel: 'sms',
        recipient: sms.to,
        contactId: sms.contactId ?? null,
        text: sms.body,
      });
      return row.id;
    },
  };
}
