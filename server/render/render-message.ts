/** Per recipient: fill a compiled message's slots (each escaped for its context by fillTemplate). */
import { countSmsSegments, fillTemplate, type SlotValueSource, type SmsSegmentCount } from '../../src/template/index.ts';
import type { RecipientFacts } from '../../src/template/regions.ts';
import { renderEmailForRecipient, type RenderedEmail } from './compile-email.ts';
import type { CompiledMessage } from './compiled-message.ts';

export type RenderedMessage = ({ channel: 'email' } & RenderedEmail) | { channel: 'sms'; text: string };

/** `facts` decide Show if… and repeats (required in practice when `compiled.hasRegions`). */
export function renderMessage(compiled: CompiledMessage, valueOf: SlotValueSource, facts?: RecipientFacts): RenderedMessage {
  if (compiled.channel === 'sms') return { channel: 'sms', text: fillTemplate(compiled.sms, valueOf, facts) };
  return { channel: 'email', ...renderEmailForRecipient(compiled.email, valueOf, facts) };
}

export function smsSegments(text: string): SmsSegmentCount {
  return countSmsSegments(text);
}
