/** Email: sent to the contact's email address. */
import { validateEmailContent } from '../../src/template/index.ts';
import type { ChannelModule } from './channel-module.ts';

export const emailChannel: ChannelModule<'email'> = {
  channel: 'email',
  addressField: 'email',
  noAddressReason: 'no email address',
  label: 'Email',
  validateContent: validateEmailContent,
};
