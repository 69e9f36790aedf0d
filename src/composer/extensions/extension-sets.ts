import type { Extensions } from '@tiptap/react';
import type { CustomValue } from '../../template';
import type { FieldDescription } from '../merge-field/describe-field';
import { Button } from './button';
import { paletteColorExtensions } from './color-marks';
import { Column, Columns } from './columns';
import { EmailImage, type EmailImageOptions } from './email-image';
import { SocialLinks } from './social-links';
import { Footer } from './footer';
import { MagicLink } from './magic-link';
import { messageKit } from './message-kit';
import { MergeField } from './merge-field';
import { MergeFieldSuggestion, type MergeFieldSuggestionOptions } from './merge-field-suggestion';
import { ShowIf, type ShowIfOptions } from './show-if';
import { SingleLine, SingleLineDocument } from './single-line-document';
import { Spacer } from './spacer';
import { TextAlign } from './text-align';
import { UnlockedItems } from './unlocked-items';

/** What the extensions need from the composer around them. */
export interface ComposerExtensionDeps {
  describeField: (key: string) => FieldDescription;
  findFields: (query: string) => CustomValue[];
  renderFieldPicker: MergeFieldSuggestionOptions['render'];
  /** The label of a Show if… block (it names the offer, which only the host knows). */
  describeShowIf?: ShowIfOptions['describe'];
  /** Image files pasted or dropped into an email body (the composer uploads them). */
  onImageFiles?: EmailImageOptions['onImageFiles'];
  /** Where the editor loads memberlink's images (the social icons) from; default same origin. */
  mediaBaseUrl?: () => string;
}

function mergeFieldExtensions(deps: ComposerExtensionDeps): Extensions {
  return [
    MergeField.configure({ describe: deps.describeField }),
    MergeFieldSuggestion.configure({ findFields: deps.findFields, render: deps.renderFieldPicker }),
  ];
}

/** Email body: headings, lists, marks, links, buttons, images, dividers, merge fields. */
export function emailExtensions(deps: ComposerExtensionDeps): Extensions {
  return [
    // The whole StarterKit schema: the compiler renders all of it, so stored messages load intact.
    ...messageKit({ rich: { headingLevels: [1, 2] } }),
    TextAlign,
    ...paletteColorExtensions(),
    MagicLink,
    Button,
    // Images by address (often an upload): a pasted base64 image would bloat every message sent.
    EmailImage.configure({ onImageFiles: deps.onImageFiles }),
    ...(deps.mediaBaseUrl ? [SocialLinks.configure({ mediaBaseUrl: deps.mediaBaseUrl })] : [SocialLinks]),
    Spacer, Columns, Column,
    Footer,
    ...mergeFieldExtensions(deps),
    ...(deps.describeShowIf ? [ShowIf.configure({ describe: deps.describeShowIf })] : [ShowIf]),
    UnlockedItems,
  ];
}

/** SMS body: paragraphs, line breaks, merge fields and links; SMS has no formatting to offer. */
export function smsExtensions(deps: ComposerExtensionDeps): Extensions {
  return [...messageKit(), MagicLink, ...mergeFieldExtensions(deps)];
}

/** Subject and preview text: one line of text and merge fields. */
export function singleLineExtensions(deps: ComposerExtensionDeps): Extensions {
  return [
    ...messageKit({ document: false, hardBreak: false }),
    SingleLineDocument,
    SingleLine,
    ...mergeFieldExtensions(deps),
  ];
}
