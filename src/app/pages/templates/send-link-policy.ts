/**
 * The send panel's link-policy choices, as select values: a send may pick its learner links'
 * lifetime and use limit (server/links/link-policy.ts); "site" keeps the site's setting.
 */
import type { MessageLinkPolicy } from '../../api/messages';
import { formatDuration } from '../../ui/format';

export const SITE_DEFAULT = 'site';

const HOUR = 3600;
export const LIFETIME_CHOICES = [HOUR, 24 * HOUR, 48 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR] as const;

export const USES_CHOICES = [
  { value: '1', label: 'Once (single use)' },
  { value: 'unlimited', label: 'Any number of times' },
] as const;

/** The policy to send, or undefined when both choices are the site's. */
export function linkPolicyOf(lifetime: string, uses: string): MessageLinkPolicy | undefined {
  if (lifetime === SITE_DEFAULT && uses === SITE_DEFAULT) return undefined;
  return {
    ...(lifetime !== SITE_DEFAULT && { lifetimeSeconds: Number(lifetime) }),
    ...(uses !== SITE_DEFAULT && { maxUses: uses === 'unlimited' ? null : Number(uses) }),
  };
}

/** "work for 48 hours and log in once" — for the confirmation. */
export function describeLinkPolicy(policy: MessageLinkPolicy): string {
  const parts = [];
  if (policy.lifetimeSeconds !== undefined) parts.push(`work for ${formatDuration(policy.lifetimeSeconds)}`);
  if (policy.maxUses !== undefined) parts.push(policy.maxUses === null ? 'log in any number of times' : policy.maxUses === 1 ? 'log in once' : `log in ${policy.maxUses} times`);
  return parts.join(' and ');
}
