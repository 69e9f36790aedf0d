import type { CustomValue, EmailContent, SmsContent, SmsSegmentCount } from '../template';

import type { Channel } from '../template/channel';

export type { Channel };

export type ComposerValue = EmailContent | SmsContent;

/** A magic-link destination beyond the base ones, e.g. one course: `{ value: 'courses/42', label: 'Piano basics' }`. */
export interface MagicLinkDestinationOption {
  value: string;
  label: string;
}

export interface ContactSummary {
  id: string;
  name: string;
  email: string;
}

export type Preview =
  | { channel: 'email'; subject: string; html: string; text: string }
  | { channel: 'sms'; text: string; segments?: SmsSegmentCount };

export interface ComposerProps {
  value: ComposerValue;
  onChange: (value: ComposerValue) => void;
  channel: Channel;
  /** Custom values offered in the field picker; defaults to the template package's catalog. */
  catalog?: CustomValue[];
  destinations?: MagicLinkDestinationOption[];
  /** The member site's host, used to count magic links at their real length in SMS. */
  siteHost?: string;
  /** `contactId` is null when no contact is picked: the server previews with catalog samples. */
  onPreview?: (value: ComposerValue, contactId: string | null) => Promise<Preview>;
  searchContacts?: (query: string) => Promise<ContactSummary[]>;
  /** A smaller layout for a conversation thread: fewer tools, preview behind a toggle. */
  compact?: boolean;
}
