import type { CustomValue, EmailContent, SmsContent, SmsSegmentCount } from '../template';
import type { ComposerLabels } from './labels';

import type { Channel } from '../template/channel';

export type { Channel };

export type ComposerValue = EmailContent | SmsContent;

/** A magic-link destination beyond the base ones, e.g. one course: `{ value: 'courses/42', label: 'Piano basics' }`. */
export interface MagicLinkDestinationOption {
  value: string;
  label: string;
}

/** An offer a Show if… block can name ("shown to contacts who hold Piano plan"). */
export interface OfferOption {
  id: string;
  title: string;
}

export interface ContactSummary {
  id: string;
  name: string;
  email: string;
}

export type Preview =
  | { channel: 'email'; subject: string; html: string; text: string }
  | { channel: 'sms'; text: string; segments?: SmsSegmentCount };

/**
 * A problem the host's validation found (memberlink's API answers them as `error.issues`), with its
 * path in the value: `subject`, `previewText`, `body.content[2].attrs.src`. Shown beside that field or
 * block until it is edited; the path itself is never shown.
 */
export interface ComposerIssue {
  path: string;
  message: string;
}

export interface ComposerProps {
  value: ComposerValue;
  onChange: (value: ComposerValue) => void;
  channel: Channel;
  /** Custom values offered in the field picker; defaults to the template package's catalog. */
  catalog?: readonly CustomValue[];
  destinations?: MagicLinkDestinationOption[];
  /** The site's offers, for Show if… "holds an offer". */
  offers?: OfferOption[];
  /** The member site's host (`academy.example.com`, https assumed) or origin (`http://academy.localhost:3000`), used to count magic links at their real length in SMS. */
  siteHost?: string;
  /**
   * The preview provider: how a per-contact preview is fetched. `contactId` is null when no contact is
   * picked: the server previews with catalog samples. Without it, `siteId` selects memberlink's own
   * `POST /api/sites/:siteId/preview` (at `apiBaseUrl`); with neither, the composer shows no preview.
   */
  onPreview?: (value: ComposerValue, contactId: string | null) => Promise<Preview>;
  searchContacts?: (query: string) => Promise<ContactSummary[]>;
  /** The memberlink site whose preview endpoint the default preview provider calls. */
  siteId?: string;
  /**
   * Stores a picked, pasted or dropped image file and resolves to its public address. Without it,
   * `siteId` selects memberlink's own `POST /api/sites/:siteId/media`; with neither, images are by address only.
   */
  onUploadImage?: (file: File) => Promise<{ url: string }>;
  /** memberlink's origin for the default preview provider when the host is elsewhere; default same origin. */
  apiBaseUrl?: string;
  /** Any of the composer's words in the host's language; the rest stay English. */
  labels?: Partial<ComposerLabels>;
  /** A smaller layout for a conversation thread: fewer tools, preview behind a toggle. */
  compact?: boolean;
  /** What to fix, each shown beside its field or block (e.g. the issues of a refused save). */
  issues?: readonly ComposerIssue[];
}
