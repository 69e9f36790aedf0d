/** Cancel and submit for a dialog's form; the submit button says "Saving…" while busy. */
export function DialogActions({ onCancel, busy, label, form }: { onCancel: () => void; busy: boolean; label: string; form?: string }) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={form} className="button button--primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
    </div>
  );
}
