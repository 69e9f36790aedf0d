/** Link records in words: who sent a link, and what happened when someone used it. */
export function describeSender(sentBy: string): string {
  const [kind] = sentBy.split(':');
  if (kind === 'message') return 'a message';
  if (kind === 'workflow') return 'a workflow';
  if (sentBy === 'member:resend') return 'the member ("send me a new link")';
  if (sentBy === 'member:login') return 'the member (login form)';
  if (kind === 'staff') return 'a team member';
  if (kind === 'system') return 'the system';
  return sentBy;
}

const OUTCOMES: Record<string, string> = {
  ok: 'Logged in',
  resent: 'Asked for a new link',
  no_access: 'No access',
  expired: 'Expired',
  preview: 'Preview link',
  confirm: 'Asked to confirm',
};

export function describeOutcome(outcome: string): string {
  if (OUTCOMES[outcome]) return OUTCOMES[outcome];
  const [head, reason] = outcome.split(':');
  const text = (reason ?? head).replace(/_/g, ' ');
  return head === 'invalid' ? `Refused: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}
