import type { Preview } from '../../types';
import type { PreviewWidth } from '../../store/composer-store';

/**
 * The email as the contact gets it. The HTML comes from the server with contact data in it, so it is
 * shown only inside a sandboxed frame: no scripts, no same-origin access; links may open a new tab.
 */
export function EmailPreview({ preview, width }: { preview: Extract<Preview, { channel: 'email' }>; width: PreviewWidth }) {
  return (
    <div className="ml-preview-email">
      <p className="ml-preview-subject">
        <span className="ml-preview-subject-label">Subject</span> {preview.subject}
      </p>
      <div className={`ml-preview-frame ml-preview-frame--${width}`}>
        <iframe title="Email preview" sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={preview.html} />
      </div>
      <details className="ml-preview-text">
        <summary>Plain-text version</summary>
        <pre>{preview.text}</pre>
      </details>
    </div>
  );
}
