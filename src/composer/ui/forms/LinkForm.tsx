import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { isAllowedLinkHref } from '../../magic-link/link-href';
import { AddressField } from './AddressField';

export const LINK_REFUSED_MESSAGE = 'Use an address starting with https://, http://, mailto: or tel:, or a magic link.';
export const LINK_PLACEHOLDER = 'https://… or {{magic_link.courses}}';

/**
 * Edits the link at the selection: applies an address (to the selection, or inserts it as linked
 * text when nothing is selected) or removes the link. Shared by the toolbar and the bubble menu.
 */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.getAttributes('link').href as string | undefined) ?? '' });
  const [href, setHref] = useState(current);
  const [refused, setRefused] = useState(false);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = href.trim();
    // Checked here too (setLink would refuse it) so the insert-as-text path is covered as well.
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
      <AddressField
        label="Link address"
        value={href}
        placeholder={LINK_PLACEHOLDER}
        onChange={(value) => {
          setHref(value);
          setRefused(false);
        }}
        error={refused ? LINK_REFUSED_MESSAGE : null}
      />
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
