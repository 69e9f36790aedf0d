import type { Preview } from '../../types';
import type { PreviewWidth } from '../../store/composer-store';

/**
 * The email as a mail app in dark mode shows it: its `prefers-color-scheme: dark` rules apply
 * unconditionally (a sandboxed frame cannot be told the reader prefers dark reliably everywhere).
 */
export function inDarkMode(html: string): string {
  return html.replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi, '@media all');
}

/**
 * The email as the contact gets it. The HTML comes from the server with contact data in it, so it is
 * shown only inside a sandboxed frame: no scripts, no same-origin access; links may open a new tab.
 */
export function EmailPreview({ preview, width, dark = false }: { preview: Extract<Preview, { channel: 'email' }>; width: PreviewWidth; dark?: boolean }) {
  return (
    <div className="ml-preview-email">
      <p className="ml-preview-subject">
        <span className="ml-preview-subject-label">Subject</span> {preview.subject}
      </p>
      <div className={`ml-preview-frame ml-preview-frame--${width}${dark ? ' ml-preview-frame--dark' : ''}`}>
        <iframe
          title={dark ? 'Email preview in dark mode' : 'Email preview'}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={dark ? inDarkMode(preview.html) : preview.html}
          style={dark ? { colorScheme: 'dark' } : undefined}
        />
      </div>
      <details className="ml-preview-text">
        <summary>Plain-text version</summary>
        <pre>{preview.text}</pre>
      </details>
    </div>
  );
}
