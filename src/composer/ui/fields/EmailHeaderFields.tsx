import { useComposerAction, usePreviewText, useSubject } from '../../store/hooks';
import { SingleLineField } from './SingleLineField';

/** Subject and preview text of an email. */
export function EmailHeaderFields() {
  const subject = useSubject();
  const previewText = usePreviewText();
  const editSubject = useComposerAction('editSubject');
  const editPreviewText = useComposerAction('editPreviewText');

  return (
    <div className="ml-header-fields">
      <SingleLineField label="Subject" value={subject} onEdit={editSubject} placeholder="What is this email about?" />
      <SingleLineField
        label="Preview text"
        value={previewText}
        onEdit={editPreviewText}
        placeholder="Shown after the subject in most inboxes"
        hint="Optional. Shown after the subject in the inbox list."
      />
    </div>
  );
}
