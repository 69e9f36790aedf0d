import { useComposerAction, useLabels, usePreviewDark } from '../../store/hooks';

/** Light / dark for the email preview frame, beside the width toggle. */
export function DarkModeToggle() {
  const dark = usePreviewDark();
  const setDark = useComposerAction('setPreviewDark');
  const labels = useLabels();
  return (
    <button type="button" className="ml-segmented-button ml-dark-mode-toggle" aria-pressed={dark} onClick={() => setDark(!dark)}>
      {labels.darkMode}
    </button>
  );
}
