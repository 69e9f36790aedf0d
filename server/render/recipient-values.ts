/**
 * Resolves a template's custom values for one recipient. Magic links are minted up front (one
 * per distinct magic-link key in the template, shared by its occurrences — the HTML button and
 * the text part carry the same link), so the fill itself stays synchronous and fast.
 */
import { UNSUBSCRIBE_URL_KEY } from '../../src/template/catalog.ts';
import { magicLinkTarget } from '../../src/template/magic-link-keys.ts';
import { MEDIA_URL_KEY } from '../../src/template/social-networks.ts';
import type { BuiltLinkValue } from '../../src/template/built-link.ts';
import type { Slot, SlotValueSource, TextTemplate } from '../../src/template/slots.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { Site } from '../sites/site-repository.ts';
import type { MemberlinkConfig } from '../config.ts';
import { memberSiteUrl } from '../sites/site-urls.ts';
import type { MagicLinkMinter, MintedLink, MintRequest } from '../links/mint-magic-link.ts';

export interface RecipientContext {
  site: Site;
  contact: Contact;
  /** Workflow context (the offer whose grant triggered the send). */
  offer?: { title: string };
  /** The staff user a user link logs in (only for messages to staff). */
  staffUserId?: string;
  /** `{{unsubscribe_url}}`: the contact's one-click unsubscribe address (as in List-Unsubscribe). */
  unsubscribeUrl?: string;
}

/** Every distinct magic-link key the templates use. */
export function magicLinkKeysOf(templates: TextTemplate[]): string[] {
  const keys = new Set<string>();
  for (const t of templates) for (const slot of t.slots) if (magicLinkTarget(slot.key)) keys.add(slot.key);
  return [...keys];
}

export interface MintContext {
  minter: MagicLinkMinter;
  channel: string;
  sentBy: string;
  messageId?: string | null;
  /** Whether learner links go out as short links (link-policy.ts `shortLinksFor`). */
  shortLinks?: boolean;
  now: Date;
}

/** Mints one link per magic-link key for this recipient. */
export async function mintRecipientLinks(
  recipient: RecipientContext,
  keys: string[],
  mint: MintContext,
): Promise<Map<string, MintedLink>> {
  const links = new Map<string, MintedLink>();
  for (const key of keys) {
    const target = magicLinkTarget(key)!;
    const subjectId = target.kind === 'user' ? recipient.staffUserId : recipient.contact.id;
    if (!subjectId) continue; // A user link in a message to a contact resolves to its fallback (nothing).
    const request: MintRequest = {
      site: recipient.site,
      kind: target.kind,
      subjectId,
      destination: target.destination,
      channel: mint.channel,
      sentBy: mint.sentBy,
      messageId: mint.messageId,
      shortLink: mint.shortLinks,
      now: mint.now,
    };
    links.set(key, mint.minter.mintNow(request) ?? (await mint.minter.mint(request)));
  }
  return links;
}

/** The value of every non-link custom value for this recipient (raw; fillTemplate escapes per slot). */
export function recipientValue(config: MemberlinkConfig, recipient: RecipientContext, key: string): string | undefined {
  const { contact, site } = recipient;
  switch (key) {
    case 'contact.first_name':
      return contact.firstName;
    case 'contact.last_name':
      return contact.lastName;
    case 'contact.email':
      return contact.email ?? undefined;
    case 'contact.phone':
      return contact.phone ?? undefined;
    case 'site.title':
      return site.title;
    case 'site.support_email':
      return site.supportEmail ?? undefined;
    case 'site.support_phone':
      return site.supportPhone ?? undefined;
    case 'site.postal_address':
      return site.postalAddress ?? undefined;
    case 'site.url':
      return site.subdomain ? memberSiteUrl(config, site.subdomain, '') : undefined;
    case 'offer.title':
      return recipient.offer?.title;
    case UNSUBSCRIBE_URL_KEY:
      return recipient.unsubscribeUrl;
    // Where memberlink serves images (the social icons): written by the serializer, never by an author.
    case MEDIA_URL_KEY:
      return new URL('/media/', config.publicUrl).toString();
  }
  if (key.startsWith('contact.custom.')) return contact.customFields[key.slice('contact.custom.'.length)];
  return undefined;
}

/** A slot value source for fillTemplate: links from `links`, everything else from the recipient. */
export function recipientValueSource(
  config: MemberlinkConfig,
  recipient: RecipientContext,
  links: Map<string, { url: string; value?: BuiltLinkValue }>,
): SlotValueSource {
  return (slot: Slot) => {
    const link = links.get(slot.key);
    // A minted link carries its HTML form (BuiltLinkValue); a preview's is a plain address.
    return link ? (link.value ?? link.url) : recipientValue(config, recipient, slot.key);
  };
}
