/**
 * Why a recipient is not sent to — recorded on the row, never a silent drop. The channel's own
 * rule (no address on it) comes from its module; the rest hold for every channel.
 */
import type { Channel } from '../../src/template/channel.ts';
import { addressOf } from '../channels/channel-module.ts';
import { channelModule } from '../channels/registry.ts';
import type { Contact } from '../contacts/contact-service.ts';

export const SKIP_REASONS = {
  deleted: 'contact deleted',
  unsubscribed: 'unsubscribed',
  noOffer: 'no active offer (the message carries a learner link)',
} as const;

export function skipReason(
  contact: Contact | undefined,
  channel: Channel,
  needsOffer: boolean,
  holdsOffer: boolean,
): string | null {
  if (!contact) return SKIP_REASONS.deleted;
  const module = channelModule(channel);
  if (!addressOf(module, contact)) return module.noAddressReason;
  if (contact.unsubscribedAt) return SKIP_REASONS.unsubscribed;
  if (needsOffer && !holdsOffer) return SKIP_REASONS.noOffer;
  return null;
}
