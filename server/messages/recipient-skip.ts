/** Why a recipient is not sent to — recorded on the row, never a silent drop. */
import type { Contact } from '../contacts/contact-service.ts';

export const SKIP_REASONS = {
  deleted: 'contact deleted',
  noEmail: 'no email address',
  noPhone: 'no phone number',
  unsubscribed: 'unsubscribed',
  noOffer: 'no active offer (the message carries a learner link)',
} as const;

export function skipReason(
  contact: Contact | undefined,
  channel: 'email' | 'sms',
  needsOffer: boolean,
  holdsOffer: boolean,
): string | null {
  if (!contact) return SKIP_REASONS.deleted;
  if (channel === 'email' && !contact.email) return SKIP_REASONS.noEmail;
  if (channel === 'sms' && !contact.phone) return SKIP_REASONS.noPhone;
  if (contact.unsubscribedAt) return SKIP_REASONS.unsubscribed;
  if (needsOffer && !holdsOffer) return SKIP_REASONS.noOffer;
  return null;
}
