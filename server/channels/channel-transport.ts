/**
 * Where a channel's per-recipient messages go: a network service (SMTP, Twilio) or the embedded
 * outbox. Each channel module picks its transport from the delivery configuration.
 */
import type { DbOrTx } from '../db/database.ts';
import type { OutboxRow, StoredDelivery } from '../delivery/outbox.ts';

export interface ChannelTransport<Envelope> {
  /** e.g. 'smtp', 'twilio', 'outbox'. */
  readonly kind: string;
  /**
   * Whether sending is a database write: then the caller sends inside the transaction that marks
   * the recipient sent, and the two commit together (exactly once, even across a crash).
   */
  readonly storesInDatabase: boolean;
  /** Delivers one message; returns the delivery id. Throws DeliveryError. */
  send(envelope: Envelope, db: DbOrTx): Promise<string>;
  /**
   * Transports that store in the database (the outbox): the outbox rows of many messages, under
   * the delivery ids the caller chose, which the caller writes in the statement that marks them
   * sent (a bulk send records a whole chunk at once).
   */
  outboxRows?(envelopes: Array<StoredDelivery<Envelope>>): OutboxRow[];
  /** Closes pooled connections (on shutdown), where it holds any. */
  close?(): Promise<void>;
}
