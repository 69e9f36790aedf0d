import { useComposerAction, useIssueParts, useLabels, usePreviewText, useSubject } from '../../store/hooks';
import { SingleLineField } from './SingleLineField';

/** Subject and preview text of an email. */
export function EmailHeaderFields() {
  const subject = useSubject();
  const previewText = usePreviewText();
  const editSubject = useComposerAction('editSubject');
  const editPreviewText = useComposerAction('editPreviewText');
  const labels = useLabels();
  const issues = useIssueParts();

  return (
    <div className="ml-header-fields">
      <SingleLineField label={labels.subject} value={subject} onEdit={editSubject} placeholder={labels.subjectPlaceholder} errors={issues.subject} />
      <SingleLineField
        label={labels.previewText}
        value={previewText}
        onEdit={editPreviewText}
        placeholder={labels.previewTextPlaceholder}
        hint={labels.previewTextHint}
        errors={issues.previewText}
      />
    </div>
  );
}
