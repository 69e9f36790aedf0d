/**
 * The recipient of a preview without a contact ("Use sample data"): contact and offer values from
 * the catalog's `sample`s (custom contact fields included), the site's own values, so the preview
 * reads like a real message to someone on this site.
 */
import { asc, eq } from 'drizzle-orm';
import type { CustomValue } from '../../src/template/index.ts';
import type { DbOrTx } from '../db/database.ts';
import { offers } from '../db/schema.ts';
import type { MemberAccess } from '../offers/member-access.ts';
import { listContentItems } from '../offers/content-items.ts';
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

/**
 * What the sample recipient holds: every offer of the site, so a preview with sample data shows
 * every Show if… that names an offer and a card for every course and community (a "holds no
 * offer" part is seen by previewing a contact without one).
 */
export async function sampleAccess(db: DbOrTx, siteId: string): Promise<MemberAccess> {
  const held = await db.select({ id: offers.id, title: offers.title, includesAffiliates: offers.includesAffiliates }).from(offers).where(eq(offers.siteId, siteId)).orderBy(asc(offers.title));
  const items = await listContentItems(db, siteId);
  const pick = (kind: 'course' | 'community') =>
    items.filter((i) => i.kind === kind).map(({ id, title, description }) => ({ id, title, description })).sort((a, b) => a.title.localeCompare(b.title));
  return {
    offers: held.map(({ id, title }) => ({ id, title })),
    courses: pick('course'),
    communities: pick('community'),
    affiliates: held.some((o) => o.includesAffiliates),
  };
}
