/** Where rendered emails go: real SMTP (SMTP_URL) or the embedded outbox. */
import type { DbOrTx } from '../db/database.ts';
import type { EmailEnvelope } from './email-envelope.ts';
import type { StoredDelivery } from './outbox.ts';

export interface EmailTransport {
  readonly kind: 'smtp' | 'outbox';
  /**
   * Whether sending is a database write: then the caller sends inside the transaction that marks
   * the recipient sent, and the two commit together (exactly once, even across a crash).
   */
  readonly storesInDatabase: boolean;
  /** Delivers one email; returns the delivery id. Throws DeliveryError. */
  send(email: EmailEnvelope, db: DbOrTx): Promise<string>;
  /**
   * Transports that store in the database: many emails in one write, under the delivery ids the
   * caller chose, inside the caller's transaction (a bulk send records a whole chunk at once).
   */
  storeMany?(emails: Array<StoredDelivery<EmailEnvelope>>, db: DbOrTx): Promise<void>;
  close(): Promise<void>;
}
