import { useComposerAction, useImageUpload } from '../../store/hooks';

/** A pasted or dropped image being uploaded, or why it was refused (the Image menu shows its own). */
export function ImageUploadStatus() {
  const notice = useImageUpload();
  const dismiss = useComposerAction('setImageUpload');
  if (!notice) return null;
  return (
    <div className={notice.status === 'error' ? 'ml-upload-status ml-upload-status--error' : 'ml-upload-status'}>
      <span role={notice.status === 'error' ? 'alert' : 'status'}>{notice.message}</span>
      {notice.status === 'error' && (
        <button type="button" className="ml-button-secondary" onClick={() => dismiss(null)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
