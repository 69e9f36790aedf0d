/** Email: sent to the contact's email address. */
import { SHORT_LINKS_BY_DEFAULT } from '../../src/template/short-link.ts';
import { validateEmailContent } from '../../src/template/index.ts';
import type { ChannelModule } from './channel-module.ts';

export const emailChannel: ChannelModule<'email'> = {
  channel: 'email',
  addressField: 'email',
  noAddressReason: 'no email address',
  shortLinksByDefault: SHORT_LINKS_BY_DEFAULT.email,
  label: 'Email',
  validateContent: validateEmailContent,
};
