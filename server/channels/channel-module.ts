/**
 * What a channel declares about itself, so the message path asks the registry instead of
 * branching on the channel's name. A new channel is one module of this shape plus its value in
 * `CHANNELS` (src/template/channel.ts).
 */
import type { CustomValue, TemplateIssue } from '../../src/template/index.ts';
import type { Channel } from '../../src/template/channel.ts';
import type { Contact } from '../contacts/contact-service.ts';

export interface ChannelModule<C extends Channel = Channel> {
  channel: C;
  /** The contact field the channel sends to. */
  addressField: 'email' | 'phone';
  /** Recorded on a recipient whose contact has no such address (never a silent drop). */
  noAddressReason: string;
  /** Whether its learner links go out as short links unless the send says otherwise (link-policy.ts). */
  shortLinksByDefault: boolean;
  /** How people name the channel ("Email", "SMS"): a message's title when it has no other. */
  label: string;
  /** The composer document's problems for this channel, with paths (empty when it can be stored and sent). */
  validateContent(content: unknown, catalog: readonly CustomValue[]): TemplateIssue[];
}

/** The contact's address on the channel, or null when it has none. */
export function addressOf(module: ChannelModule, contact: Pick<Contact, 'email' | 'phone'>): string | null {
  return contact[module.addressField] || null;
}
