/**
 * The send panel's link-policy choices, as select values: a send may pick its learner links'
 * lifetime, use limit and form (short or full, server/links/link-policy.ts); "site" keeps the
 * site's setting (for the form: the channel's, short for SMS).
 */
import type { MessageLinkPolicy } from '../../api/messages';
import type { Channel } from '../../api/types';
import { SHORT_LINKS_BY_DEFAULT } from '../../../template';
import { formatDuration } from '../../ui/format';

export const SITE_DEFAULT = 'site';

const HOUR = 3600;
export const LIFETIME_CHOICES = [HOUR, 24 * HOUR, 48 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR] as const;

export const USES_CHOICES = [
  { value: '1', label: 'Once (single use)' },
  { value: 'unlimited', label: 'Any number of times' },
] as const;

export const FORM_CHOICES = [
  { value: 'short', label: 'Short links (…/l/…)' },
  { value: 'full', label: 'Full links' },
] as const;

/** "Channel default (short links)" — what the form choice falls back to on this channel. */
export function defaultFormLabel(channel: Channel): string {
  return `Channel default (${SHORT_LINKS_BY_DEFAULT[channel] ? 'short links' : 'full links'})`;
}

/** The policy to send, or undefined when every choice is the default. */
export function linkPolicyOf(lifetime: string, uses: string, form: string = SITE_DEFAULT): MessageLinkPolicy | undefined {
  if (lifetime === SITE_DEFAULT && uses === SITE_DEFAULT && form === SITE_DEFAULT) return undefined;
  return {
    ...(lifetime !== SITE_DEFAULT && { lifetimeSeconds: Number(lifetime) }),
    ...(uses !== SITE_DEFAULT && { maxUses: uses === 'unlimited' ? null : Number(uses) }),
    ...(form !== SITE_DEFAULT && { shortLinks: form === 'short' }),
  };
}

/** "work for 48 hours and log in once" — for the confirmation. */
export function describeLinkPolicy(policy: MessageLinkPolicy): string {
  const parts = [];
  if (policy.lifetimeSeconds !== undefined) parts.push(`work for ${formatDuration(policy.lifetimeSeconds)}`);
  if (policy.maxUses !== undefined) parts.push(policy.maxUses === null ? 'log in any number of times' : policy.maxUses === 1 ? 'log in once' : `log in ${policy.maxUses} times`);
  if (policy.shortLinks !== undefined) parts.push(policy.shortLinks ? 'go out as short links' : 'go out in full');
  return parts.join(' and ');
}
