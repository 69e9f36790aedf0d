import { EditorContent, type Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import { singleLineDoc } from '../../editor/single-line-content';
import { useExtensionDeps } from '../../editor/use-extension-deps';
import { useSyncedEditor } from '../../editor/use-synced-editor';
import { singleLineExtensions } from '../../extensions/extension-sets';
import { MergeFieldBubbleMenu } from '../bubble-menu/MergeFieldBubbleMenu';
import { EditorPlaceholder } from '../body/EditorPlaceholder';

// getText() writes each merge field as its custom-value token, which is the stored string format.
const readText = (editor: Editor) => editor.getText();

interface SingleLineFieldProps {
  label: string;
  value: string;
  onEdit: (value: string) => void;
  placeholder: string;
  hint?: string;
  /** What the host's validation said about this field; shown until the field is edited. */
  errors?: readonly string[];
}

/**
 * A one-line text field that holds merge fields as chips, like the body: `{{` opens the same picker.
 * A small Tiptap editor rather than an <input>, so a subject shows "Hi First name · there" and not
 * the raw `{{contact.first_name | default: "there"}}` people mistype.
 */
export function SingleLineField({ label, value, onEdit, placeholder, hint, errors = [] }: SingleLineFieldProps) {
  const id = useId();
  // The value the errors were about: once the author edits the field, they no longer hold.
  const [erred, setErred] = useState({ errors, value });
  if (erred.errors !== errors) setErred({ errors, value });
  const shownErrors = value === erred.value ? errors : [];
  const describedBy = [hint ? `${id}-hint` : '', shownErrors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const deps = useExtensionDeps({ magicLinks: false });
  const editor = useSyncedEditor({
    value,
    toContent: singleLineDoc,
    read: readText,
    onEdit,
    createExtensions: () => singleLineExtensions(deps),
    attributes: {
      role: 'textbox',
      'aria-multiline': 'false',
      'aria-labelledby': `${id}-label`,
      class: 'ml-single-line-content',
    },
  });

  // Set on the editable itself (its static attributes are fixed when the editor is created). The
  // view exists only once EditorContent has mounted it (Tiptap 3 throws before): now or on 'mount'.
  useEffect(() => {
    if (!editor) return;
    const apply = () => {
      if (editor.isDestroyed) return;
      const dom = editor.view.dom;
      if (describedBy) dom.setAttribute('aria-describedby', describedBy);
      else dom.removeAttribute('aria-describedby');
      if (shownErrors.length) dom.setAttribute('aria-invalid', 'true');
      else dom.removeAttribute('aria-invalid');
    };
    apply();
    editor.on('mount', apply);
    return () => {
      editor.off('mount', apply);
    };
  }, [editor, describedBy, shownErrors.length]);

  return (
    <div className="ml-field">
      <span className="ml-field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="ml-single-line">
        {editor && <EditorContent editor={editor} />}
        {editor && <EditorPlaceholder editor={editor} text={placeholder} />}
      </div>
      {hint && (
        <span className="ml-field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {shownErrors.length > 0 && (
        <span className="ml-field-error" id={`${id}-error`}>
          {shownErrors.join(' · ')}
        </span>
      )}
      {editor && <MergeFieldBubbleMenu editor={editor} />}
    </div>
  );
}
