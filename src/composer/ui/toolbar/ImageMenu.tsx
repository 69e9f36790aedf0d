import type { Editor } from '@tiptap/react';
import { useState, type FormEvent } from 'react';
import { isSafeAbsoluteUrl } from '../../../template';
import { AddressField } from '../forms/AddressField';
import { ToolbarMenu } from './ToolbarMenu';

// Images are fetched by mail clients: only web addresses make sense (no mailto:, tel:, data:).
const isImageAddress = (src: string) => /^https?:\/\//i.test(src) && isSafeAbsoluteUrl(src);

/** "Image": inserts an image by its web address, with alternative text for people who cannot see it. */
export function ImageMenu({ editor }: { editor: Editor }) {
  const [src, setSrc] = useState('');
  const [alt, setAlt] = useState('');
  const [refused, setRefused] = useState(false);

  return (
    <ToolbarMenu label="Image" glyph={<span aria-hidden="true">Image</span>}>
      {(close) => {
        const insert = (event: FormEvent) => {
          event.preventDefault();
          const address = src.trim();
          if (!isImageAddress(address)) {
            setRefused(true);
            return;
          }
          editor.chain().focus().setImage({ src: address, alt: alt.trim() }).run();
          setSrc('');
          setAlt('');
          close();
        };
        return (
          <form className="ml-image-form" onSubmit={insert} noValidate>
            <AddressField
              label="Image address"
              value={src}
              placeholder="https://…"
              onChange={(value) => {
                setSrc(value);
                setRefused(false);
              }}
              error={refused ? 'Use an address starting with https:// or http://.' : null}
            />
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
