import type { Editor } from '@tiptap/react';
import type { ImageUploadNotice } from '../store/composer-store';
import { imageFileProblem, type ImageUploader } from './image-upload';

/** The image just inserted with `src`, selected, so its settings (and its missing description) are at hand. */
function selectImage(editor: Editor, src: string): void {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'image' && node.attrs.src === src) found = pos;
  });
  if (found !== null) editor.commands.setNodeSelection(found);
}

/**
 * Inserts an image at `position` (a drop) or the selection, and selects it. A pasted or dropped one
 * has no description yet: the editor shows it needs one.
 */
export function insertImage(editor: Editor, attrs: { src: string } & Record<string, unknown>, position: number | null): void {
  const image = { type: 'image', attrs: { alt: '', ...attrs } };
  const chain = editor.chain().focus();
  (position === null ? chain.insertContent(image) : chain.insertContentAt(position, image)).run();
  selectImage(editor, attrs.src);
}

/** Uploads one file, reporting progress and any refusal (wrong type, too big, the server's reason). */
export async function uploadImageFile(
  file: File,
  upload: ImageUploader,
  notify: (notice: ImageUploadNotice | null) => void,
): Promise<string | null> {
  const problem = imageFileProblem(file);
  if (problem) {
    notify({ status: 'error', message: problem });
    return null;
  }
  notify({ status: 'uploading', message: `Uploading ${file.name}…` });
  try {
    const { url } = await upload(file);
    notify(null);
    return url;
  } catch (error) {
    notify({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** Pasted or dropped files: each uploaded and inserted in turn; a refused one stops there, with its reason. */
export async function uploadAndInsertImages(
  editor: Editor,
  files: readonly File[],
  position: number | null,
  upload: ImageUploader,
  notify: (notice: ImageUploadNotice | null) => void,
): Promise<void> {
  for (const file of files) {
    const url = await uploadImageFile(file, upload, notify);
    if (url === null || editor.isDestroyed) return;
    insertImage(editor, { src: url }, position);
  }
}
