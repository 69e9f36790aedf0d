/**
 * Email: sent to the contact's email address. Compiled once through MJML (compile-email.ts),
 * filled per recipient into subject, HTML and text; the envelope adds the From header, a
 * Message-ID stable across re-sends and one-click List-Unsubscribe; SMTP when SMTP_URL is set,
 * else the outbox (stored once; its raw MIME, with the same headers, built when read).
 */
import { CHANNEL_INFO } from '../../../src/template/channel.ts';
import { emailSendWarnings } from '../../../src/template/send-warnings.ts';
import { SHORT_LINKS_BY_DEFAULT } from '../../../src/template/short-link.ts';
import { validateEmailContent } from '../../../src/template/index.ts';
import { unsubscribeUrl } from '../../delivery/unsubscribe-token.ts';
import type { ChannelModule } from '../channel-module.ts';
import { compileEmailTemplate, renderEmailForRecipient, type CompiledEmail, type RenderedEmail } from './compile-email.ts';
import { newMessageId, type EmailEnvelope } from './email-envelope.ts';
import { outboxEmailTransport, storedEmailMime } from './outbox-email-transport.ts';
import { senderOf } from './sender-address.ts';
import { smtpTransport } from './smtp-transport.ts';

const info = CHANNEL_INFO.email;

export const emailChannel: ChannelModule<'email', CompiledEmail, RenderedEmail, EmailEnvelope> = {
  channel: 'email',
  addressField: info.addressField,
  noAddressReason: `no ${info.addressName}`,
  shortLinksByDefault: SHORT_LINKS_BY_DEFAULT.email,
  label: info.label,
  validateContent: validateEmailContent,
  compile: (content) => compileEmailTemplate(content),
  templatesOf: (compiled) => [compiled.subject, compiled.html, compiled.text],
  sendWarnings: (compiled) => [...compiled.warnings, ...emailSendWarnings(compiled.html)],
  fill: renderEmailForRecipient,
  preview: (filled) => ({ channel: 'email', ...filled }),
  envelopes(ctx, site) {
    const from = senderOf(ctx.config, site);
    return {
      of: (recipient, filled) => ({
        siteId: site.id,
        contactId: recipient.contactId,
        from,
        to: recipient.to,
        ...filled,
        // The same id on a re-send after a crash lets receivers drop the duplicate.
        messageId: newMessageId(`${recipient.messageId}.${recipient.contactId}`, from),
        unsubscribeUrl: unsubscribeUrl(ctx, site.id, recipient.contactId),
      }),
    };
  },
  transport: (config) => (config.smtpUrl ? smtpTransport({ ...config, smtpUrl: config.smtpUrl }) : outboxEmailTransport()),
  storedRaw: storedEmailMime,
};
