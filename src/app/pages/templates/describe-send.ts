import type { TemplateSend } from '../../api/types';

/** Who sent it, in words. */
export function describeSender(sentBy: TemplateSend['sentBy']): string {
  if (sentBy.kind === 'operator') return 'Operator';
  const name = sentBy.name ?? 'removed';
  if (sentBy.kind === 'api-key') return `API key “${name}”`;
  if (sentBy.kind === 'workflow') return `Automation “${name}”`;
  if (sentBy.kind === 'staff') return sentBy.name ?? 'Removed staff member';
  return 'Unknown';
}

/** To whom, in words. */
export function describeAudience(audience: TemplateSend['audience']): string {
  if (audience.kind === 'contacts') return audience.count === 1 ? '1 chosen contact' : `${audience.count} chosen contacts`;
  if (audience.kind === 'offer') return `Holders of “${audience.title ?? 'a deleted offer'}”`;
  return 'Everyone';
}
