/**
 * What Show if… and the unlocked-items block decide on for one recipient: their offers, their
 * custom fields and what those offers open, from `memberAccess` (batch-loaded once per send batch).
 */
import type { RecipientFacts } from '../../src/template/regions.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { MemberAccess } from '../offers/member-access.ts';

export function recipientFacts(contact: Pick<Contact, 'customFields'>, access: MemberAccess): RecipientFacts {
  const offerIds = new Set(access.offers.map((offer) => offer.id));
  return {
    holdsOffer: (offerId) => offerIds.has(offerId),
    holdsAnyOffer: () => offerIds.size > 0,
    customField: (field) => (Object.hasOwn(contact.customFields, field) ? contact.customFields[field] : undefined),
    items: (list) => access[list],
  };
}
