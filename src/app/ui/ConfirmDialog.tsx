import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/client';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  /** What happens, in words; the confirm button names the action too. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
}

/** "Are you sure?" for destructive actions: Cancel is focused first, the action shows its own error. */
export function ConfirmDialog({ title, open, onClose, children, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} open={open} onClose={close}>
      <div className="confirm-text">{children}</div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={close} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
