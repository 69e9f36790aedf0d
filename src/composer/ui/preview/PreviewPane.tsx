import { useChannel, useLabels, usePreview, usePreviewDark, usePreviewWidth } from '../../store/hooks';
import { ContactPicker } from './ContactPicker';
import { EmailPreview } from './EmailPreview';
import { SmsPreview } from './SmsPreview';
import { usePreviewRequest } from './use-preview-request';
import { DarkModeToggle } from './DarkModeToggle';
import { WidthToggle } from './WidthToggle';

/** The message as one contact (or sample data) receives it, rendered by the host's onPreview. */
export function PreviewPane() {
  const channel = useChannel();
  const width = usePreviewWidth();
  const dark = usePreviewDark();
  const { status, result, error } = usePreview();
  const { refresh, blocker } = usePreviewRequest();
  const labels = useLabels();

  return (
    <section className="ml-preview" aria-label={labels.preview} aria-busy={status === 'loading'}>
      <div className="ml-preview-controls">
        <ContactPicker />
        <div className="ml-preview-actions">
          {channel === 'email' && <WidthToggle />}
          {channel === 'email' && <DarkModeToggle />}
          <button type="button" className="ml-button-secondary" onClick={refresh}>
            {labels.refreshPreview}
          </button>
        </div>
      </div>
      <p className="ml-field-hint" role="status">
        {status === 'loading' && labels.updatingPreview}
      </p>
      {blocker && (
        <p className="ml-preview-empty" role="note">
          {blocker === 'empty' ? labels.previewEmpty : labels.previewNeedsSubject}
        </p>
      )}
      {!blocker && status === 'error' && (
        <div className="ml-error" role="alert">
          <p>{error}</p>
          <button type="button" className="ml-button-secondary" onClick={refresh}>
            {labels.tryAgain}
          </button>
        </div>
      )}
      {!blocker && result?.channel === 'email' && <EmailPreview preview={result} width={width} dark={dark} />}
      {!blocker && result?.channel === 'sms' && <SmsPreview preview={result} />}
    </section>
  );
}
