/** The embeddable message composer. Importing it brings its stylesheet (class prefix `ml-`). */
import './composer.css';

export { Composer } from './Composer';
export type {
  Channel,
  ComposerIssue,
  ComposerProps,
  ComposerValue,
  ContactSummary,
  MagicLinkDestinationOption,
  OfferOption,
  Preview,
} from './types';
export type { ComposerLabels } from './labels';
export { DEFAULT_LABELS } from './labels';
export type { MemberlinkPreviewOptions } from './preview/memberlink-preview';
export { memberlinkPreview } from './preview/memberlink-preview';
export type { MemberlinkUploadOptions } from './media/image-upload';
export { memberlinkUpload } from './media/image-upload';
export type { CustomValue, DocMark, DocNode, EmailContent, SmsContent, SmsSegmentCount } from '../template';
export { DEFAULT_CATALOG, catalogForContext, extendCatalog } from '../template';
export { isAllowedLinkHref } from './magic-link/link-href';
