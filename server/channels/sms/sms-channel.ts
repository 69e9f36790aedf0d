/**
 * SMS: sent to the contact's phone number. Compiled to one text template, filled per recipient;
 * the envelope is the body alone; Twilio when its credentials are set, else the outbox. Its
 * learner links go out short by default (a long link is three segments on its own).
 */
import { CHANNEL_INFO } from '../../../src/template/channel.ts';
import { SHORT_LINKS_BY_DEFAULT } from '../../../src/template/short-link.ts';
import { compileSmsToText, countSmsSegments, fillTemplate, validateSmsContent, type TextTemplate } from '../../../src/template/index.ts';
import type { ChannelModule } from '../channel-module.ts';
import { outboxTextTransport } from '../outbox-text-transport.ts';
import type { TextEnvelope } from '../text-envelope.ts';
import { twilioSmsTransport } from './twilio-sms-transport.ts';

const info = CHANNEL_INFO.sms;

export const smsChannel: ChannelModule<'sms', TextTemplate, string, TextEnvelope> = {
  channel: 'sms',
  addressField: info.addressField,
  noAddressReason: `no ${info.addressName}`,
  shortLinksByDefault: SHORT_LINKS_BY_DEFAULT.sms,
  label: info.label,
  validateContent: validateSmsContent,
  compile: async (content) => compileSmsToText(content),
  templatesOf: (compiled) => [compiled],
  sendWarnings: () => [],
  fill: fillTemplate,
  preview(text) {
    const { encoding, units, segments } = countSmsSegments(text);
    return { channel: 'sms', text, segments: { encoding, units, segments } };
  },
  envelopes: (_ctx, site) => ({ of: (recipient, body) => ({ siteId: site.id, contactId: recipient.contactId, to: recipient.to, body }) }),
  transport: (config) => (config.twilio ? twilioSmsTransport(config.twilio) : outboxTextTransport('sms')),
};
