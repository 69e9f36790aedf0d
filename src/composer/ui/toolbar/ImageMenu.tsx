import type { Editor } from '@tiptap/react';
import ImageIcon from 'lucide-react/icons/image';
import { useRef, useState, type FormEvent } from 'react';
import { isSafeAbsoluteUrl } from '../../../template';
import { ALIGNMENTS, type Alignment } from '../../../template/nodes/alignment';
import { IMAGE_WIDTH } from '../../../template/nodes/image';
import { allowedImageWidth, type EmailImageAttributes } from '../../extensions/email-image';
import { isAllowedLinkHref } from '../../magic-link/link-href';
import { ACCEPTED_IMAGE_TYPES } from '../../media/image-upload';
import { insertImage, uploadImageFile } from '../../media/upload-images';
import { useCatalog, useComposerAction, useComposerConfig, useImageUpload } from '../../store/hooks';
import { AddressField } from '../forms/AddressField';
import { LINK_PLACEHOLDER, LINK_REFUSED_MESSAGE } from '../forms/LinkForm';
import { useAddress } from '../forms/use-address';
import { BLOCK_MENU_IDS } from './block-commands';
import { ToolbarMenu } from './ToolbarMenu';

// Images are fetched by mail clients: only web addresses make sense (no mailto:, tel:, data:).
const isImageAddress = (src: string) => /^https?:\/\//i.test(src) && isSafeAbsoluteUrl(src);
const isOptionalLink = (href: string) => href === '' || isAllowedLinkHref(href);
const ALIGN_LABELS: Record<Alignment, string> = { left: 'Left', center: 'Centre', right: 'Right' };

/** The selected image's attributes, or null when the selection is not an image. */
function selectedImage(editor: Editor): EmailImageAttributes | null {
  return editor.isActive('image') ? (editor.getAttributes('image') as EmailImageAttributes) : null;
}

/**
 * "Image": adds an image (upload a file, or its web address) with its description, width, alignment
 * and an optional link, a magic link too; with an image selected, changes that image. The
 * description is required: the form refuses to apply without one.
 */
function ImageForm({ editor, close }: { editor: Editor; close: () => void }) {
  const selected = useRef(selectedImage(editor)).current;
  const { uploadImage } = useComposerConfig();
  const notice = useImageUpload();
  const setImageUpload = useComposerAction('setImageUpload');
  const magicLinks = useCatalog().filter((value) => value.group === 'magic_link' && value.audience !== 'staff');
  const address = useAddress(selected?.src ?? '', isImageAddress);
  const link = useAddress(selected?.href ?? '', isOptionalLink);
  const [alt, setAlt] = useState(selected?.alt ?? '');
  const [altRefused, setAltRefused] = useState(false);
  const [width, setWidth] = useState(selected?.width ? String(selected.width) : '');
  const [widthRefused, setWidthRefused] = useState(false);
  const [align, setAlign] = useState<Alignment>(selected?.align ?? 'center');
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = async (files: FileList | null) => {
    if (!files?.length || !uploadImage) return;
    // Uploaded now, inserted on Apply: the address lands in the field, the description is still asked for.
    const url = await uploadImageFile(files[0], uploadImage, setImageUpload);
    if (url !== null) address.change(url);
    else if (fileInput.current) fileInput.current.value = '';
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const src = address.accept();
    const href = link.accept();
    const description = alt.trim();
    const chosenWidth = width.trim() === '' ? null : allowedImageWidth(width.trim());
    setAltRefused(!description);
    setWidthRefused(width.trim() !== '' && chosenWidth === null);
    if (src === null || href === null || !description || (width.trim() !== '' && chosenWidth === null)) return;
    const attrs = { src, alt: description, width: chosenWidth, align, href: href || null };
    if (selected) editor.chain().focus().updateAttributes('image', attrs).run();
    else insertImage(editor, attrs, null);
    close();
  };

  return (
    <form className="ml-image-form" onSubmit={apply} noValidate>
      {uploadImage && (
        <div className="ml-field">
          <span className="ml-field-label">Upload</span>
          <input
            ref={fileInput}
            className="ml-file"
            type="file"
            accept={ACCEPTED_IMAGE_TYPES}
            aria-label="Choose an image file"
            onChange={(event) => void pick(event.target.files)}
          />
          <span className="ml-field-hint">PNG, JPEG, GIF or WebP up to 5 MB. You can also paste or drop an image into the message.</span>
        </div>
      )}
      {notice && (
        <p className={notice.status === 'error' ? 'ml-error' : 'ml-field-hint'} role={notice.status === 'error' ? 'alert' : 'status'}>
          {notice.message}
        </p>
      )}
      <AddressField label="Image address" address={address} refusal="Use an address starting with https:// or http://." placeholder="https://…" />
      <label className="ml-field">
        <span className="ml-field-label">Description (alt text)</span>
        <input
          className="ml-input"
          type="text"
          value={alt}
          placeholder="What the image shows"
          aria-invalid={altRefused}
          onChange={(event) => {
            setAlt(event.target.value);
            setAltRefused(false);
          }}
        />
      </label>
      {altRefused && (
        <p className="ml-error" role="alert">
          Describe the image for people who cannot see it, and for mail apps that hide images.
        </p>
      )}
      <div className="ml-inline-form">
        <label className="ml-field">
          <span className="ml-field-label">Width (px)</span>
          <input
            className="ml-input ml-input--narrow"
            type="text"
            inputMode="numeric"
            value={width}
            placeholder="Full"
            aria-invalid={widthRefused}
            onChange={(event) => {
              setWidth(event.target.value);
              setWidthRefused(false);
            }}
          />
        </label>
        <label className="ml-field">
          <span className="ml-field-label">Align</span>
          <select className="ml-select" value={align} onChange={(event) => setAlign(event.target.value as Alignment)}>
            {ALIGNMENTS.map((value) => (
              <option key={value} value={value}>
                {ALIGN_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {widthRefused && (
        <p className="ml-error" role="alert">
          Width is a whole number of pixels from {IMAGE_WIDTH.min} to {IMAGE_WIDTH.max}; leave it empty for the full width.
        </p>
      )}
      <AddressField label="Link (optional)" address={link} refusal={LINK_REFUSED_MESSAGE} placeholder={LINK_PLACEHOLDER} />
      {magicLinks.length > 0 && (
        <label className="ml-field">
          <span className="ml-field-label">Or link to a magic link</span>
          <select className="ml-select" value="" onChange={(event) => event.target.value && link.change(`{{${event.target.value}}}`)}>
            <option value="">Choose…</option>
            {magicLinks.map((value) => (
              <option key={value.key} value={value.key}>
                {value.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="ml-form-actions">
        <button type="submit" className="ml-button-primary">
          {selected ? 'Apply' : 'Insert image'}
        </button>
      </div>
    </form>
  );
}

export function ImageMenu({ editor }: { editor: Editor }) {
  return (
    <ToolbarMenu label="Image" icon={ImageIcon} menuId={BLOCK_MENU_IDS.image}>
      {(close) => <ImageForm editor={editor} close={close} />}
    </ToolbarMenu>
  );
}
