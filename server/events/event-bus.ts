/**
 * Domain events: recorded in `domain_events` inside the transaction that caused them and
 * published to in-process subscribers only after that transaction commits, so a subscriber
 * never sees an event whose change was rolled back.
 */
import type { Channel } from '../../src/template/channel.ts';

export interface DomainEventMap {
  'offer.access_granted': { contactId: string; offerId: string; grantId: string; source: string };
  'offer.access_revoked': { contactId: string; offerId: string; grantId: string };
  'link.redeemed': { jti: string; subjectId: string; kind: 'learner' | 'user'; destination: string };
  'message.sent': { messageId: string; contactId: string; channel: Channel };
}
export type DomainEventType = keyof DomainEventMap;
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  siteId: string;
  type: T;
  payload: DomainEventMap[T];
  createdAt: Date;
}

type Listener<T extends DomainEventType> = (event: DomainEvent<T>) => void | Promise<void>;

export class EventBus {
  private readonly listeners = new Map<DomainEventType, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown, event: DomainEvent) => void) {}

  subscribe<T extends DomainEventType>(type: T, listener: Listener<T>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Delivers to every listener; one listener's failure neither stops the others nor the caller. */
  async publish(event: DomainEvent): Promise<void> {
    const set = this.listeners.get(event.type);
    if (!set) return;
    await Promise.all(
      [...set].map(async (listener) => {
        try {
          await (listener as Listener<DomainEventType>)(event);
        } catch (error) {
          this.onListenerError(error, event);
        }
      }),
    );
  }
}
