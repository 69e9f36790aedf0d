import { useState } from 'react';
import { messageOf } from '../../api/client';
import type { TemplateDraft } from '../../api/messages';
import { formatClockTime } from '../../ui/format';

interface DraftRestoredBarProps {
  draft: TemplateDraft;
  /** When the template was last saved (by anyone), to say the draft is older than that save. */
  templateSavedAt: string | null;
  onDiscard: () => Promise<void>;
}

/** Says the editor holds autosaved work rather than the saved template, and offers to go back to that. */
export function DraftRestoredBar({ draft, templateSavedAt, onDiscard }: DraftRestoredBarProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const olderThanSave = templateSavedAt !== null && new Date(templateSavedAt) > new Date(draft.updatedAt);

  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDiscard();
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <div className="notice notice--info draft-bar" role="status" aria-label="Restored draft">
      <span>
        Restored draft from {formatClockTime(draft.updatedAt)}
        {olderThanSave && ' — the template was saved again after it'}
      </span>
      <button type="button" className="button button--small" onClick={discard} disabled={busy}>
        {busy ? 'Discarding…' : 'Discard'}
      </button>
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
