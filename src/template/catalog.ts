/**
 * The custom values an author may insert. Data, not code: the composer lists it, validation checks
 * against it, previews fill it with `sample`.
 */
import { isCustomValueKey } from './custom-value';
import { FIXED_DESTINATIONS, type FixedDestination } from './destinations';
import { isMagicLinkItemKey } from './magic-link-keys';

/**
 * The recipient's own one-click unsubscribe address, the same one the List-Unsubscribe header carries.
 * Marketing emails should show it (validation warns when they do not).
 */
export const UNSUBSCRIBE_URL_KEY = 'unsubscribe_url';

/** What a magic link to the destination looks like in previews and length estimates. */
function sampleLinkUrl(d: FixedDestination): string {
  return `https://academy.example.com/${d.kind === 'user' ? 'admin' : d.path}?token=…`;
}

export type CustomValueGroup = 'contact' | 'site' | 'offer' | 'magic_link' | 'login';

export interface CustomValue {
  key: string;
  label: string;
  group: CustomValueGroup;
  /** Shown in previews and used to estimate lengths (SMS segments). */
  sample: string;
  /**
   * `workflow`: only known when a workflow sends the message (e.g. the offer that triggered it).
   * `login_email`: only filled in the login emails memberlink itself sends ({{login_code}}), so
   * validation refuses it by name in templates, sends and previews.
   */
  context?: 'workflow' | 'login_email';
  /**
   * `staff`: only a member of staff may receive it (a User Link signs its holder into the admin
   * app). Messages go to members, so validation refuses it by name.
   */
  audience?: 'staff';
}

export interface CustomField {
  key: string;
  label: string;
  sample?: string;
}

export const DEFAULT_CATALOG: readonly CustomValue[] = [
  { key: 'contact.first_name', label: 'First name', group: 'contact', sample: 'Ada' },
  { key: 'contact.last_name', label: 'Last name', group: 'contact', sample: 'Lovelace' },
  { key: 'contact.email', label: 'Email', group: 'contact', sample: 'ada@example.com' },
  { key: 'contact.phone', label: 'Phone', group: 'contact', sample: '+44 20 7946 0958' },
  { key: 'site.title', label: 'Site title', group: 'site', sample: 'Analytical Academy' },
  {
    key: 'site.support_email',
    label: 'Support email',
    group: 'site',
    sample: 'support@example.com',
  },
  { key: 'site.support_phone', label: 'Support phone', group: 'site', sample: '+44 20 7946 0000' },
  { key: 'site.url', label: 'Site address', group: 'site', sample: 'https://academy.example.com' },
  { key: 'site.postal_address', label: 'Postal address', group: 'site', sample: '12 Engine Row, London N1 9GU' },
  {
    key: UNSUBSCRIBE_URL_KEY,
    label: 'Unsubscribe link',
    group: 'contact',
    sample: 'https://academy.example.com/api/unsubscribe/…',
  },
  {
    key: 'offer.title',
    label: 'Offer title',
    group: 'offer',
    sample: 'Engines 101',
    context: 'workflow',
  },
  {
    key: 'login_code',
    label: 'Login code',
    group: 'login',
    sample: '123456',
    context: 'login_email',
  },
  ...FIXED_DESTINATIONS.map(
    (d): CustomValue => ({
      key: d.customValueKey,
      label: d.catalogLabel,
      group: 'magic_link',
      ...(d.kind === 'user' && { audience: 'staff' as const }),
      sample: sampleLinkUrl(d),
    }),
  ),
];

/**
 * Adds a site's custom contact fields as `contact.custom.<key>`. Fields whose key cannot be written
 * as a custom value, or that are already present, are skipped rather than failing the catalog.
 */
export function extendCatalog(
  base: readonly CustomValue[],
  customFields: readonly CustomField[],
): CustomValue[] {
  const catalog = [...base];
  const present = new Set(catalog.map((value) => value.key));
  for (const field of customFields) {
    const key = `contact.custom.${field.key}`;
    if (!isCustomValueKey(key) || present.has(key)) continue;
    present.add(key);
    catalog.push({ key, label: field.label, group: 'contact', sample: field.sample ?? '' });
  }
  return catalog;
}

/** The values a broadcast can fill: workflow-only values have no source outside a workflow. */
export function catalogForContext(
  catalog: readonly CustomValue[],
  context: 'broadcast' | 'workflow',
): CustomValue[] {
  return catalog.filter((value) => context === 'workflow' || value.context !== 'workflow');
}

/** Listed keys, plus magic links to one course or community (their ids are not catalog data). */
export function catalogHas(catalog: readonly CustomValue[], key: string): boolean {
  return catalog.some((value) => value.key === key) || isMagicLinkItemKey(key);
}
