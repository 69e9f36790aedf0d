/** Where rendered SMS go: a provider (Twilio) or the embedded outbox. */
import type { DbOrTx } from '../db/database.ts';
import type { StoredDelivery } from './outbox.ts';

export interface SmsEnvelope {
  siteId: string;
  contactId?: string | null;
  /** E.164. */
  to: string;
  body: string;
}

export interface SmsTransport {
  readonly kind: 'twilio' | 'outbox';
  /** See EmailTransport.storesInDatabase. */
  readonly storesInDatabase: boolean;
  /** Delivers one SMS; returns the provider's id. Throws DeliveryError. */
  send(sms: SmsEnvelope, db: DbOrTx): Promise<string>;
  /** See EmailTransport.storeMany. */
  storeMany?(messages: Array<StoredDelivery<SmsEnvelope>>, db: DbOrTx): Promise<void>;
}
