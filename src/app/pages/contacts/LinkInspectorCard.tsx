import { useState, type FormEvent } from 'react';
import { inspectLink } from '../../api/contacts';
import { messageOf } from '../../api/client';
import type { LinkInspection } from '../../api/types';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { InspectionResult } from './InspectionResult';

/** "Why can't they log in?": paste the link a member forwarded, get the verdict, the reason and the fix. */
export function LinkInspectorCard({ siteId }: { siteId: string }) {
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<LinkInspection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await inspectLink(siteId, url.trim()));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading">Why can't they log in?</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Paste the link they used"
          value={url}
          onChange={setUrl}
          placeholder="https://…?token=… or https://…/l/…"
          hint="A full link or a short link from a text message. Ask the member to forward the message, or to copy the link address."
          spellCheck={false}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || !url.trim()}>
            {busy ? 'Checking…' : 'Check link'}
          </button>
        </div>
      </form>
      {result && <InspectionResult inspection={result} />}
    </section>
  );
}
