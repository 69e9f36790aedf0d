import { useMemo } from 'react';
import { countSmsMessage } from '../../sms/count-sms-message';
import { formatSmsCount } from '../../sms/format-sms-count';
import { useBody, useComposerConfig } from '../../store/hooks';

/** "N characters · M segments (GSM-7)", counted on the message as sent, with a warning once it splits. */
export function SmsCounter() {
  const body = useBody();
  const { catalog, siteHost } = useComposerConfig();
  const count = useMemo(
    () => countSmsMessage({ body }, catalog, siteHost || undefined),
    [body, catalog, siteHost],
  );

  return (
    <div className="ml-sms-counter">
      <p className="ml-sms-count">
        {formatSmsCount(count)}
      </p>
      {/* Announced when it appears, not on every keystroke like the count above would be. */}
      <div role="status">
        {count.segments > 1 && (
          <p className="ml-warning">
            Sent as {count.segments} texts of up to {count.perSegment} characters; each is billed as one SMS.
            {count.encoding === 'UCS-2' && ' An emoji or special character switched the whole message to UCS-2, which fits fewer characters per text.'}
          </p>
        )}
      </div>
      <p className="ml-field-hint">Magic links count at the length of the short links SMS sends; fields at a sample value.</p>
    </div>
  );
}
