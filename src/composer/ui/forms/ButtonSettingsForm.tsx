import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { BUTTON_ALIGNS, type ButtonAlign, type ButtonAttributes } from '../../extensions/button-attributes';
import { isAllowedLinkHref } from '../../magic-link/link-href';
import { AddressField } from './AddressField';
import { useAddress } from './use-address';
import { LINK_PLACEHOLDER, LINK_REFUSED_MESSAGE } from './LinkForm';

const ALIGN_LABELS: Record<ButtonAlign, string> = { left: 'Left', center: 'Centre', right: 'Right' };

// An empty address is allowed while drafting; the message's validation reports it before sending.
const isAllowedButtonHref = (href: string) => href === '' || isAllowedLinkHref(href);

/** Edits a selected button. Changes apply together, so a half-typed address is never stored. */
export function ButtonSettingsForm({ editor, button }: { editor: Editor; button: ButtonAttributes }) {
  const [draft, setDraft] = useState(button);
  const address = useAddress(button.href, isAllowedButtonHref);
  const change = <K extends keyof ButtonAttributes>(name: K, value: ButtonAttributes[K]) => setDraft((d) => ({ ...d, [name]: value }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = address.accept();
    if (href === null) return;
    editor.chain().focus().updateButton({ ...draft, href }).run();
  };

  return (
    <form className="ml-button-form" onSubmit={apply} noValidate>
      <label className="ml-field">
        <span className="ml-field-label">Label</span>
        <input className="ml-input" type="text" value={draft.label} onChange={(e) => change('label', e.target.value)} />
      </label>
      <AddressField label="Link address" address={address} refusal={LINK_REFUSED_MESSAGE} placeholder={LINK_PLACEHOLDER} />
      <div className="ml-inline-form">
        <label className="ml-field">
          <span className="ml-field-label">Background</span>
          <input className="ml-color" type="color" value={draft.backgroundColor} onChange={(e) => change('backgroundColor', e.target.value)} />
        </label>
        <label className="ml-field">
          <span className="ml-field-label">Text</span>
          <input className="ml-color" type="color" value={draft.textColor} onChange={(e) => change('textColor', e.target.value)} />
        </label>
        <label className="ml-field">
          <span className="ml-field-label">Align</span>
          <select className="ml-select" value={draft.align} onChange={(e) => change('align', e.target.value as ButtonAlign)}>
            {BUTTON_ALIGNS.map((align) => (
              <option key={align} value={align}>
                {ALIGN_LABELS[align]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="ml-checkbox">
        <input type="checkbox" checked={draft.fullWidth} onChange={(e) => change('fullWidth', e.target.checked)} />
        Full width
      </label>
      <div className="ml-form-actions">
        <button type="button" className="ml-button-secondary" onClick={() => editor.chain().focus().deleteSelection().run()}>
          Remove button
        </button>
        <button type="submit" className="ml-button-primary">
          Apply
        </button>
      </div>
    </form>
  );
}
