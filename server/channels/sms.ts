/** SMS: sent to the contact's phone number. */
import { SHORT_LINKS_BY_DEFAULT } from '../../src/template/short-link.ts';
import { validateSmsContent } from '../../src/template/index.ts';
import type { ChannelModule } from './channel-module.ts';

export const smsChannel: ChannelModule<'sms'> = {
  channel: 'sms',
  addressField: 'phone',
  noAddressReason: 'no phone number',
  shortLinksByDefault: SHORT_LINKS_BY_DEFAULT.sms,
  label: 'SMS',
  validateContent: validateSmsContent,
};
