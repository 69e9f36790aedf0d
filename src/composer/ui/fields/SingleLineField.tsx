import { EditorContent, type Editor } from '@tiptap/react';
import { useId } from 'react';
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
}

/**
 * A one-line text field that holds merge fields as chips, like the body: `{{` opens the same picker.
 * A small Tiptap editor rather than an <input>, so a subject shows "Hi First name · there" and not
 * the raw `{{contact.first_name | default: "there"}}` people mistype.
 */
export function SingleLineField({ label, value, onEdit, placeholder, hint }: SingleLineFieldProps) {
  const id = useId();
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
      ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
      class: 'ml-single-line-content',
    },
  });

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
      {editor && <MergeFieldBubbleMenu editor={editor} />}
    </div>
  );
}
