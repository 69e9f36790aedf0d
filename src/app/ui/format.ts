/** Dates and durations as people read them, in their locale. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}

export const contactName = (contact: { firstName: string; lastName: string; email: string | null; phone: string | null }): string =>
  `${contact.firstName} ${contact.lastName}`.trim() || contact.email || contact.phone || 'Unnamed contact';
