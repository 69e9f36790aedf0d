/**
 * What Show if… and the unlocked-items block decide on for one recipient: their offers, their
 * custom fields and what those offers open, from `memberAccess` (batch-loaded once per send batch).
 */
import type { RecipientFacts, RepeatItem, RepeatList } from '../../src/template/regions.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { MemberAccess } from '../offers/member-access.ts';

export function recipientFacts(contact: Pick<Contact, 'customFields'>, access: MemberAccess): RecipientFacts {
  return new AccessFacts(contact, access);
}

/** A class rather than an object of closures: a send builds one per recipient. */
class AccessFacts implements RecipientFacts {
  readonly #contact: Pick<Contact, 'customFields'>;
  readonly #access: MemberAccess;

  constructor(contact: Pick<Contact, 'customFields'>, access: MemberAccess) {
    this.#contact = contact;
    this.#access = access;
  }

  holdsOffer(offerId: string): boolean {
    return this.#access.offers.some((offer) => offer.id === offerId);
  }

  holdsAnyOffer(): boolean {
    return this.#access.offers.length > 0;
  }

  customField(field: string): string | undefined {
    const fields = this.#contact.customFields;
    return Object.hasOwn(fields, field) ? fields[field] : undefined;
  }

  items(list: RepeatList): readonly RepeatItem[] {
    return this.#access[list];
  }
}
