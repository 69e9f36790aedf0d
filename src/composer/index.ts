/** The embeddable message composer. Importing it brings its stylesheet (class prefix `ml-`). */
import './composer.css';

export { Composer } from './Composer';
export type {
  Channel,
  ComposerProps,
  ComposerValue,
  ContactSummary,
  MagicLinkDestinationOption,
  Preview,
} from './types';
export { isAllowedLinkHref } from './magic-link/link-href';
