import type { PreviewWidth } from '../../store/composer-store';
import { useComposerAction, usePreviewWidth } from '../../store/hooks';

const WIDTHS: readonly { width: PreviewWidth; label: string }[] = [
  { width: 'desktop', label: 'Desktop' },
  { width: 'mobile', label: 'Mobile' },
];

/** Desktop / mobile width for the email preview frame. */
export function WidthToggle() {
  const current = usePreviewWidth();
  const setWidth = useComposerAction('setPreviewWidth');
  return (
    <div className="ml-segmented" role="group" aria-label="Preview width">
      {WIDTHS.map(({ width, label }) => (
        <button key={width} type="button" className="ml-segmented-button" aria-pressed={current === width} onClick={() => setWidth(width)}>
          {label}
        </button>
      ))}
    </div>
  );
}
