import type { MessageSummary } from '../../api/types';

/** A finished send stays on the page this long after it was made, so a reload right after sending still shows how it went. */
export const RECENT_SEND_MS = 15 * 60 * 1000;

/**
 * Which of a template's sends (newest first) get a progress card when the page opens: every one
 * still queued or sending, and the newest if it was made in the last RECENT_SEND_MS.
 */
export function sendsToFollow<T extends MessageSummary>(sends: readonly T[], now: Date): T[] {
  return sends.filter(
    (send, index) => send.status !== 'completed' || (index === 0 && now.getTime() - new Date(send.createdAt).getTime() < RECENT_SEND_MS),
  );
}

/** Sends made on this page first, then the restored ones it does not already show. */
export function mergeSends<T extends { id: string }>(made: readonly T[], restored: readonly T[]): T[] {
  return [...made, ...restored.filter((send) => !made.some((m) => m.id === send.id))];
}
