/** Dates and durations as people read them, in their locale. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** An elapsed time, rounded as people say it: "40 s", "12 min", "3 h 5 min", "2 days". */
export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.round((seconds % 3600) / 60);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.round(seconds / 8640) / 10;
  return `${days} day${days === 1 ? '' : 's'}`;
}

export const contactName = (contact: { firstName: string; lastName: string; email: string | null; phone: string | null }): string =>
  `${contact.firstName} ${contact.lastName}`.trim() || contact.email || contact.phone || 'Unnamed contact';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "14:02" for today, the date and time for any other day. */
export function formatClockTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? clock.format(at) : dateTime.format(at);
}
