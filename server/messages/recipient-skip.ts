/**
 * Why a recipient is not sent to — recorded on the row, never a silent drop. The channel's own
 * rule (no address on it) comes from its module; the rest hold for every channel.
 */
import type { Channel } from '../../src/template/channel.ts';
import { addressOf } from '../channels/channel-module.ts';
import { channelModule } from '../channels/registry.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { MemberAccess } from '../offers/member-access.ts';
import { receivesLearnerLink, recipientLinkKeys, type CompiledMessage } from '../render/compiled-message.ts';
import { recipientFacts } from '../render/recipient-facts.ts';
import type { RecipientFacts } from '../../src/template/regions.ts';

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

/** Whether deciding a recipient's skip needs their offers (`memberAccessOf`). */
export const skipNeedsAccess = (compiled: CompiledMessage): boolean => compiled.carriesLearnerLink || compiled.hasRegions;

/**
 * One recipient's verdict, exactly as the send decides it: their Show if… facts and the links
 * they get (a learner link inside a region they don't see needs no offer), then why they are
 * skipped, or null. The send's batches and the estimate both call this.
 */
export function recipientVerdict(
  compiled: CompiledMessage,
  channel: Channel,
  contact: Contact | undefined,
  access: MemberAccess | undefined,
): { reason: string | null; facts?: RecipientFacts; linkKeys: string[] } {
  const facts = contact && access ? recipientFacts(contact, access) : undefined;
  const linkKeys = facts ? recipientLinkKeys(compiled, facts) : compiled.linkKeys;
  const reason = skipReason(contact, channel, receivesLearnerLink(linkKeys), (access?.offers.length ?? 0) > 0);
  return { reason, facts, linkKeys };
}
