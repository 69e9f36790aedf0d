import { useEditorState, type Editor } from '@tiptap/react';
import type { FormEvent } from 'react';
import { isAllowedLinkHref } from '../../magic-link/link-href';
import { AddressField } from './AddressField';
import { useAddress } from './use-address';

export const LINK_REFUSED_MESSAGE = 'Use an address starting with https://, http://, mailto: or tel:, or a magic link.';
export const LINK_PLACEHOLDER = 'https://… or {{magic_link.courses}}';

/**
 * Edits the link at the selection: applies an address (to the selection, or inserts it as linked
 * text when nothing is selected) or removes the link. Shared by the toolbar and the bubble menu.
 */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = useEditorState({ editor, selector: ({ editor: e }) => (e.getAttributes('link').href as string | undefined) ?? '' });
  // Checked here as well as by setLink, so inserting the address as new linked text is covered too.
  const address = useAddress(current, isAllowedLinkHref);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = address.accept();
    if (href === null) return;
    const chain = editor.chain().focus();
    const applied =
      editor.state.selection.empty && !editor.isActive('link')
        ? chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
        : chain.extendMarkRange('link').setLink({ href }).run();
    if (applied) onDone();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  return (
    <form className="ml-link-form" onSubmit={apply} noValidate>
      <AddressField label="Link address" address={address} refusal={LINK_REFUSED_MESSAGE} placeholder={LINK_PLACEHOLDER} />
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
