/**
 * What a channel declares about itself, so the message path asks the registry instead of
 * branching on the channel's name: where it sends to, how its content is checked and compiled,
 * how a filled copy becomes the message its transport takes, and which transport that is.
 * A new channel is one module of this shape (server/channels/<channel>/), its line in the
 * registry, and its value in `CHANNELS` / `CHANNEL_INFO` (src/template/channel.ts).
 *
 * The type parameters are the module's own forms; the generic code holds them opaquely (the
 * registry erases them) and only hands each back to the module that made it.
 */
import type { z } from 'zod';
import type { previewResponse } from '../../src/contract/template-schemas.ts';
import type { CustomValue, SlotValueSource, TemplateIssue, TextTemplate } from '../../src/template/index.ts';
import type { RecipientFacts } from '../../src/template/regions.ts';
import type { Channel, ContentOf } from '../../src/template/channel.ts';
import type { AppContext } from '../context.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { DeliveryConfig } from '../delivery/delivery-config.ts';
import type { OutboxMessage } from '../delivery/outbox.ts';
import type { Site } from '../sites/site-repository.ts';
import type { ChannelTransport } from './channel-transport.ts';

/** Who one envelope goes to, as the generic send path knows it. */
export interface EnvelopeRecipient {
  contactId: string;
  /** The contact's address on the channel (`addressOf`). */
  to: string;
  /** The message row it belongs to: a re-send after a crash is recognisable by it. */
  messageId: string;
}

/** One send batch's envelope maker (an object with a method, so it too erases in the registry). */
export interface Envelopes<Filled, Envelope> {
  of(recipient: EnvelopeRecipient, filled: Filled): Envelope;
}

/** A preview's answer (POST /api/sites/:siteId/preview). */
export type ChannelPreview = z.output<typeof previewResponse>;

// Members use method syntax on purpose: parameters stay bivariant, so a module of concrete forms
// is a `ChannelModule<C>` of opaque ones in the registry.
export interface ChannelModule<C extends Channel = Channel, Compiled = unknown, Filled = unknown, Envelope = unknown> {
  channel: C;
  /** The contact field the channel sends to. */
  addressField: 'email' | 'phone';
  /** The skip rule: recorded on a recipient whose contact has no such address (never a silent drop). */
  noAddressReason: string;
  /** Whether its learner links go out as short links unless the send says otherwise (`shortLinksFor`). */
  shortLinksByDefault: boolean;
  /** How people name the channel ("Email", "SMS"): a message's title when it has no other. */
  label: string;
  /** The composer document's problems for this channel, with paths (empty when it can be stored and sent). */
  validateContent(content: unknown, catalog: readonly CustomValue[]): TemplateIssue[];
  /** Checked content → the compile-once form (the expensive part, e.g. MJML), cached per template version. */
  compile(content: ContentOf<C>): Promise<Compiled>;
  /** The compiled form's fill-ready templates: where its custom values, magic links and Show if… are read from. */
  templatesOf(compiled: Compiled): TextTemplate[];
  /** What the author is warned of before sending this compiled form (empty when nothing). */
  sendWarnings(compiled: Compiled): string[];
  /** Per recipient: the compiled form filled (each value escaped for its context by fillTemplate). */
  fill(compiled: Compiled, valueOf: SlotValueSource, facts?: RecipientFacts): Filled;
  /** What a preview shows of a filled copy. */
  preview(filled: Filled): ChannelPreview;
  /**
   * The message its transport takes, per recipient of one send batch. Called once per batch (what
   * is the same for all of them, like the From header, is worked out once), then once per recipient.
   */
  envelopes(ctx: AppContext, site: Site): Envelopes<Filled, Envelope>;
  /** Its transport, chosen from the process's delivery configuration (built once per process). */
  transport(config: DeliveryConfig): ChannelTransport<Envelope>;
  /**
   * The raw form of a message its embedded transport stored (email: the MIME), built when the
   * outbox is read; a channel whose stored text is the whole message has none.
   */
  storedRaw?(stored: OutboxMessage): Promise<string | null>;
}

/** The contact's address on the channel, or null when it has none. */
export function addressOf(module: ChannelModule, contact: Pick<Contact, 'email' | 'phone'>): string | null {
  return contact[module.addressField] || null;
}
