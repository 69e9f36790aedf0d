import { useEffect, useState } from 'react';
import { previewBlocker, type PreviewBlocker } from './preview-blocker';
import { useComposerAction, useComposerConfig, useComposerValue, usePreviewContact } from '../../store/hooks';

/** Long enough that typing does not send a request per keystroke. */
const PREVIEW_DELAY_MS = 400;

const messageOf = (error: unknown, fallback: string) => (error instanceof Error && error.message ? error.message : fallback);

/**
 * Asks the host for a preview whenever the message or the chosen contact changes (after a short
 * pause), or on `refresh`. A response that arrives after a newer request started is dropped. Nothing is
 * asked while the message is blank or an email has no subject (`blocker` says which).
 */
export function usePreviewRequest(): { refresh: () => void; blocker: PreviewBlocker } {
  const value = useComposerValue();
  const blocker = previewBlocker(value);
  const contactId = usePreviewContact()?.id ?? null;
  const { onPreview, labels } = useComposerConfig();
  const previewFailed = labels.previewFailed;
  const startPreview = useComposerAction('startPreview');
  const finishPreview = useComposerAction('finishPreview');
  const failPreview = useComposerAction('failPreview');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!onPreview || blocker) return;
    let superseded = false;
    const timer = setTimeout(() => {
      startPreview();
      onPreview(value, contactId).then(
        (preview) => {
          if (!superseded) finishPreview(preview);
        },
        (error: unknown) => {
          if (!superseded) failPreview(messageOf(error, previewFailed));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
  }, [value, blocker, contactId, onPreview, previewFailed, attempt, startPreview, finishPreview, failPreview]);

  return { refresh: () => setAttempt((n) => n + 1), blocker };
}
