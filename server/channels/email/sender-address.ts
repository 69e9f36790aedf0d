/** Who a site's email comes from: its support email, else MAIL_FROM, else no-reply on the member domain. */
import type { MemberlinkConfig } from '../../config.ts';
import type { Site } from '../../sites/site-repository.ts';
import { formatFrom } from './email-envelope.ts';

export function senderOf(config: MemberlinkConfig, site: Pick<Site, 'title' | 'supportEmail'>): string {
  if (site.supportEmail) return formatFrom(site.title, site.supportEmail);
  return config.delivery.mailFrom ?? formatFrom(site.title, `no-reply@${config.memberRootDomain}`);
}
