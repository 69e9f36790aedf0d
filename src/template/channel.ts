import type { EmailContent, SmsContent } from './document';

/** The channels a message is sent on: the one declaration every layer (server, composer, app) imports. */
export const CHANNELS = ['email', 'sms'] as const;

export type Channel = (typeof CHANNELS)[number];

/** A message's content as checked for its channel: what compiling (server/render) starts from. */
export type ChannelContent = { channel: 'email'; content: EmailContent } | { channel: 'sms'; content: SmsContent };
