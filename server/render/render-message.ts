/** Per recipient: fill a compiled message's slots (each escaped for its context by fillTemplate). */
import type { SlotValueSource } from '../../src/template/index.ts';
import type { RecipientFacts } from '../../src/template/regions.ts';
import type { Channel } from '../../src/template/channel.ts';
import { channelModule } from '../channels/registry.ts';
import type { ChannelPreview } from '../channels/channel-module.ts';
import type { CompiledMessage } from './compiled-message.ts';

export interface RenderedMessage {
  channel: Channel;
  /** The channel module's filled copy (email: subject, HTML and text; SMS: the text). */
  filled: unknown;
}

/** `facts` decide Show if… and repeats (required in practice when `compiled.hasRegions`). */
export function renderMessage(compiled: CompiledMessage, valueOf: SlotValueSource, facts?: RecipientFacts): RenderedMessage {
  return { channel: compiled.channel, filled: channelModule(compiled.channel).fill(compiled.form, valueOf, facts) };
}

/** What a preview shows of it (email: subject, HTML, text; SMS: the text and its segment count). */
export function previewOf(rendered: RenderedMessage): ChannelPreview {
  return channelModule(rendered.channel).preview(rendered.filled);
}
