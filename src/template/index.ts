/** The template package: document schema, custom values, compilation and filling. Isomorphic. */
export type { Channel } from './channel';
export { CHANNELS, CHANNEL_INFO, type ChannelInfo } from './channel';

export type { DocMark, DocNode, EmailContent, SmsContent } from './document';
export { isDocNode } from './document';

export type { CustomValueToken } from './custom-value';
export {
  CUSTOM_VALUE_KEY_PATTERN,
  formatCustomValue,
  isCustomValueKey,
  parseCustomValueTokens,
  parseWholeCustomValue,
} from './custom-value';

export type { MagicLinkBaseKey, MagicLinkKind, MagicLinkTarget } from './magic-link-keys';
export {
  MAGIC_LINK_BASE_KEYS,
  isMagicLinkItemKey,
  isMagicLinkKey,
  magicLinkHref,
  magicLinkKey,
  magicLinkTarget,
  parseMagicLinkHref,
} from './magic-link-keys';

export type { CustomField, CustomValue, CustomValueGroup } from './catalog';
export { DEFAULT_CATALOG, UNSUBSCRIBE_URL_KEY, catalogForContext, catalogHas, extendCatalog } from './catalog';

export type { TemplateIssue } from './validate';
export { validateEmailContent, validateSmsContent } from './validate';
export type { IssueLocation } from './issue-location';
export { issueLocation } from './issue-location';
export { MISSING_UNSUBSCRIBE_WARNING, emailSendWarnings } from './send-warnings';

export type { Slot, SlotContext, SlotValue, SlotValueSource, TextTemplate } from './slots';
export { BuiltLinkValue } from './built-link';
export { fillTemplate, sentinel, splitOnSentinels } from './slots';
export { isSafeAbsoluteUrl } from './safe-url';

export type { EmailCompileOptions } from './compile-mjml';
export { DEFAULT_EMAIL_STYLE, compileEmailToMjml } from './compile-mjml';
export { compileEmailToText, compileSubject } from './compile-text';
export { compileSmsToText } from './compile-sms';

export type { CompiledEmail, RenderedEmail } from './fill-email';
export { renderEmailForRecipient } from './fill-email';

export type { SmsSegmentCount } from './sms-segments';
export { LONGEST_PLAUSIBLE_MAGIC_LINK_LENGTH, LONGEST_PLAUSIBLE_SITE_HOST, countSmsSegments, sampleMagicLinkUrl } from './sms-segments';
export { sampleMagicLinkToken } from './sample-magic-link';
export {
  SHORT_LINK_CODE_BYTES,
  SHORT_LINK_CODE_LENGTH,
  SHORT_LINK_CODE_PATTERN,
  SHORT_LINK_PATH,
  SHORT_LINKS_BY_DEFAULT,
  originOfSiteHost,
  sampleShortLinkUrl,
  shortLinkUrl,
} from './short-link';
