import { useState, type ChangeEvent, type FormEvent } from 'react';
import { importContacts } from '../../api/contacts';
import { messageOf } from '../../api/client';
import type { ImportReport } from '../../api/types';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { ImportReportView } from './ImportReportView';

const EXAMPLE = 'email,first_name,last_name,phone\nada@example.com,Ada,Lovelace,+14155550101';

interface CsvImportDialogProps {
  siteId: string;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** Upload or paste a CSV; valid rows are imported or merged by email, invalid rows are listed by line. */
export function CsvImportDialog({ siteId, open, onClose, onImported }: CsvImportDialogProps) {
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };

  const close = () => {
    setCsv('');
    setReport(null);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await importContacts(siteId, csv);
      setReport(result);
      if (result.created + result.updated > 0) onImported();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import contacts from CSV" open={open} onClose={close} size="large">
      {report ? (
        <>
          <ImportReportView report={report} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setReport(null)}>
              Import another file
            </button>
            <button type="button" className="button button--primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="field-hint">
            A header row with <code>email</code> and/or <code>phone</code>, optionally <code>first_name</code>, <code>last_name</code>; other
            columns become custom fields. Existing contacts are matched by email and updated.
          </p>
          <div className="field">
            <label className="field-label" htmlFor="csv-file">
              CSV file
            </label>
            <input id="csv-file" className="input" type="file" accept=".csv,text/csv" onChange={readFile} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="csv-text">
              …or paste CSV
            </label>
            <textarea id="csv-text" className="input textarea" rows={6} value={csv} placeholder={EXAMPLE} onChange={(event) => setCsv(event.target.value)} />
          </div>
          <FormError message={error} />
          <div className="form-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || !csv.trim()}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
