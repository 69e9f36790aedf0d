import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState, type FormEvent } from 'react';
import { isAllowedLinkHref } from '../../magic-link/link-href';

export const LINK_REFUSED_MESSAGE = 'Use an address starting with https://, http://, mailto: or tel:, or a magic link.';

/**
 * Edits the link at the selection: applies an address (to the selection, or inserts it as linked
 * text when nothing is selected) or removes the link. Shared by the toolbar and the bubble menu.
 */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.getAttributes('link').href as string | undefined) ?? '' });
  const [href, setHref] = useState(current);
  const [refused, setRefused] = useState(false);
  const id = useId();

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = href.trim();
    if (!isAllowedLinkHref(address)) {
      setRefused(true);
      return;
    }
    const chain = editor.chain().focus();
    const applied =
      editor.state.selection.empty && !editor.isActive('link')
        ? chain.insertContent({ type: 'text', text: address, marks: [{ type: 'link', attrs: { href: address } }] }).run()
        : chain.extendMarkRange('link').setLink({ href: address }).run();
    setRefused(!applied);
    if (applied) onDone();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  return (
    <form className="ml-link-form" onSubmit={apply} noValidate>
      <label className="ml-field">
        <span className="ml-field-label">Link address</span>
        <input
          className="ml-input"
          type="text"
          inputMode="url"
          placeholder="https://… or {{magic_link.courses}}"
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            setRefused(false);
          }}
          aria-invalid={refused}
          aria-describedby={refused ? `${id}-error` : undefined}
        />
      </label>
      {refused && (
        <p className="ml-error" id={`${id}-error`} role="alert">
          {LINK_REFUSED_MESSAGE}
        </p>
      )}
      <div className="ml-form-actions">
        {current && (
          <button type="button" className="ml-button-secondary" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="submit" className="ml-button-primary">
          Apply link
        </button>
      </div>
    </form>
  );
}
