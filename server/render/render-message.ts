/** Per recipient: fill a compiled message's slots (each escaped for its context by fillTemplate). */
import { countSmsSegments, fillTemplate, type SlotValueSource, type SmsSegmentCount } from '../../src/template/index.ts';
import { renderEmailForRecipient, type RenderedEmail } from './compile-email.ts';
import type { CompiledMessage } from './compiled-message.ts';

export type RenderedMessage = ({ channel: 'email' } & RenderedEmail) | { channel: 'sms'; text: string };

export function renderMessage(compiled: CompiledMessage, valueOf: SlotValueSource): RenderedMessage {
  if (compiled.channel === 'sms') return { channel: 'sms', text: fillTemplate(compiled.sms, valueOf) };
  return { channel: 'email', ...renderEmailForRecipient(compiled.email, valueOf) };
}

export function smsSegments(text: string): SmsSegmentCount {
  return countSmsSegments(text);
}
