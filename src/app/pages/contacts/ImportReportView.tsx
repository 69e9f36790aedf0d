import type { ImportReport } from '../../api/types';

/** What an import did, and each rejected row with its line, field and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div role="status" aria-label="Import report">
      <p className="import-summary">
        <strong>{report.rows}</strong> rows: <strong>{report.created}</strong> created, <strong>{report.updated}</strong> updated,{' '}
        <strong className={report.failed ? 'text-bad' : undefined}>{report.failed}</strong> failed.
      </p>
      {report.errors.length > 0 && (
        <table className="table table--compact">
          <caption className="visually-hidden">Rows that were not imported</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error, index) => (
              <tr key={`${error.line}-${error.field}-${index}`}>
                <td>{error.line}</td>
                <td>
                  <code>{error.field}</code>
                </td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
