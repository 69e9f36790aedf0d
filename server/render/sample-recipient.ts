/**
 * The recipient of a preview without a contact ("Use sample data"): contact and offer values from
 * the catalog's `sample`s (custom contact fields included), the site's own values, so the preview
 * reads like a real message to someone on this site.
 */
import type { CustomValue } from '../../src/template/index.ts';
import type { Contact } from '../contacts/contact-service.ts';
import type { Site } from '../sites/site-repository.ts';
import type { RecipientContext } from './recipient-values.ts';

const CUSTOM = 'contact.custom.';

export function sampleRecipient(site: Site, catalog: readonly CustomValue[], offer?: { title: string }): RecipientContext {
  const sample = (key: string) => catalog.find((value) => value.key === key)?.sample ?? '';
  const customFields = Object.fromEntries(
    catalog.filter((value) => value.key.startsWith(CUSTOM) && value.sample !== '').map((value) => [value.key.slice(CUSTOM.length), value.sample]),
  );
  const now = new Date();
  const contact: Contact = {
    id: '00000000-0000-0000-0000-000000000000',
    siteId: site.id,
    email: sample('contact.email') || null,
    phone: sample('contact.phone') || null,
    firstName: sample('contact.first_name'),
    lastName: sample('contact.last_name'),
    customFields,
    unsubscribedAt: null,
    linksValidAfter: null,
    createdAt: now,
    updatedAt: now,
  };
  return { site, contact, offer: offer ?? { title: sample('offer.title') } };
}
