/** Names people read for the Site Details fields the API reports as missing or invalid. */
export const SITE_FIELD_LABELS: Record<string, string> = {
  title: 'Site title',
  subdomain: 'Subdomain',
  supportEmail: 'Support email',
  supportPhone: 'Support phone',
  postalAddress: 'Postal address',
};

export const siteFieldLabel = (field: string) => SITE_FIELD_LABELS[field] ?? field;
