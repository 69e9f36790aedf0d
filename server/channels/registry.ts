/** Every channel's module, looked up by its name: what the message path asks instead of branching. */
import type { Channel } from '../../src/template/channel.ts';
import type { ChannelModule } from './channel-module.ts';
import { emailChannel } from './email/email-channel.ts';
import { smsChannel } from './sms/sms-channel.ts';

const CHANNEL_MODULES: { [C in Channel]: ChannelModule<C> } = { email: emailChannel, sms: smsChannel };

export function channelModule<C extends Channel>(channel: C): ChannelModule<C> {
  return CHANNEL_MODULES[channel];
}
