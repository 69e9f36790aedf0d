/**
 * What a marketer should hear about before sending, without being stopped: unlike validation
 * issues, a message with warnings can still be saved and sent.
 */
import { UNSUBSCRIBE_URL_KEY } from './catalog';
import type { TextTemplate } from './slots';

export const MISSING_UNSUBSCRIBE_WARNING =
  'This email has no visible unsubscribe link. Marketing emails should show one: add a Footer block or link to {{unsubscribe_url}}.';

/** Warnings about an email's compiled HTML: what recipients will see is what counts. */
export function emailSendWarnings(html: TextTemplate): string[] {
  const showsUnsubscribe = html.slots.some((slot) => slot.key === UNSUBSCRIBE_URL_KEY);
  return showsUnsubscribe ? [] : [MISSING_UNSUBSCRIBE_WARNING];
}
