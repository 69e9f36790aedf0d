import type { PreviewWidth } from '../../store/composer-store';
import { useComposerAction, useLabels, usePreviewWidth } from '../../store/hooks';

const WIDTHS: readonly PreviewWidth[] = ['desktop', 'mobile'];

/** Desktop / mobile width for the email preview frame. */
export function WidthToggle() {
  const current = usePreviewWidth();
  const setWidth = useComposerAction('setPreviewWidth');
  const labels = useLabels();
  return (
    <div className="ml-segmented" role="group" aria-label={labels.previewWidth}>
      {WIDTHS.map((width) => (
        <button key={width} type="button" className="ml-segmented-button" aria-pressed={current === width} onClick={() => setWidth(width)}>
          {labels[width]}
        </button>
      ))}
    </div>
  );
}
