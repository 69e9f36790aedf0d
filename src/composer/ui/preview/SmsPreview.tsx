import { formatSmsCount } from '../../sms/format-sms-count';
import type { Preview } from '../../types';

/** The SMS as the contact's phone shows it: a message bubble. */
export function SmsPreview({ preview }: { preview: Extract<Preview, { channel: 'sms' }> }) {
  return (
    <div className="ml-preview-sms">
      <p className="ml-sms-bubble">{preview.text}</p>
      {preview.segments && <p className="ml-field-hint">{formatSmsCount(preview.segments)}</p>}
    </div>
  );
}
