/** The channels a message is sent on: the one declaration every layer (server, composer, app) imports. */
export const CHANNELS = ['email', 'sms'] as const;

export type Channel = (typeof CHANNELS)[number];
