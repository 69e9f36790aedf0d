import type { EmailContent, SmsContent } from './document';

/** The channels a message is sent on: the one declaration every layer (server, composer, app) imports. */
export const CHANNELS = ['email', 'sms'] as const;

export type Channel = (typeof CHANNELS)[number];

/** How a channel is named and what it sends to: the one list server and app read channel copy from. */
export interface ChannelInfo {
  /** How people name the channel ("Email", "SMS"): badges, pickers, a message's title when it has no other. */
  label: string;
  /** One message of it mid-sentence ("Send email", "New SMS", "an SMS template"). */
  noun: string;
  /** The contact field the channel sends to. */
  addressField: 'email' | 'phone';
  /** What that field is called in a sentence ("email address"). */
  addressName: string;
}

export const CHANNEL_INFO: { readonly [C in Channel]: ChannelInfo } = {
  email: { label: 'Email', noun: 'email', addressField: 'email', addressName: 'email address' },
  sms: { label: 'SMS', noun: 'SMS', addressField: 'phone', addressName: 'phone number' },
};

/** The channel named in a URL or form value, or undefined when it names none. */
export function channelNamed(value: string | null | undefined): Channel | undefined {
  return CHANNELS.find((channel) => channel === value);
}

/** A message's content as checked for its channel: what compiling (server/channels) starts from. */
export type ChannelContent = { channel: 'email'; content: EmailContent } | { channel: 'sms'; content: SmsContent };

/** The content type of one channel. */
export type ContentOf<C extends Channel> = Extract<ChannelContent, { channel: C }>['content'];
