import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { isSafeAbsoluteUrl } from '../../../template';
import { AddressField } from '../forms/AddressField';
import { useAddress } from '../forms/use-address';
import { ToolbarMenu } from './ToolbarMenu';

// Images are fetched by mail clients: only web addresses make sense (no mailto:, tel:, data:).
const isImageAddress = (src: string) => /^https?:\/\//i.test(src) && isSafeAbsoluteUrl(src);

/** "Image": inserts an image by its web address, with alternative text for people who cannot see it. */
export function ImageMenu({ editor }: { editor: Editor }) {
  const address = useAddress('', isImageAddress);
  const [alt, setAlt] = useState('');

  return (
    <ToolbarMenu label="Image" glyph={<span aria-hidden="true">Image</span>}>
      {(close) => {
        const insert = (event: FormEvent) => {
          event.preventDefault();
          const src = address.accept();
          if (src === null) return;
          editor.chain().focus().setImage({ src, alt: alt.trim() }).run();
          address.change('');
          setAlt('');
          close();
        };
        return (
          <form className="ml-image-form" onSubmit={insert} noValidate>
            <AddressField label="Image address" address={address} refusal="Use an address starting with https:// or http://." placeholder="https://…" />
            <label className="ml-field">
              <span className="ml-field-label">Alternative text</span>
              <input className="ml-input" type="text" value={alt} onChange={(event) => setAlt(event.target.value)} />
            </label>
            <div className="ml-form-actions">
              <button type="submit" className="ml-button-primary">
                Insert image
              </button>
            </div>
          </form>
        );
      }}
    </ToolbarMenu>
  );
}
