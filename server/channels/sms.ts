/** SMS: sent to the contact's phone number. */
import { validateSmsContent } from '../../src/template/index.ts';
import type { ChannelModule } from './channel-module.ts';

export const smsChannel: ChannelModule<'sms'> = {
  channel: 'sms',
  addressField: 'phone',
  noAddressReason: 'no phone number',
  label: 'SMS',
  validateContent: validateSmsContent,
};
