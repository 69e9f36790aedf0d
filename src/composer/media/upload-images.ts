import { NodeSelection } from '@tiptap/pm/state';
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
 * Where a new block goes when none was given: at the caret, or after a selected block (an image or a
 * button someone just inserted is not replaced by the next insert).
 */
export function insertionPoint(editor: Editor): number | null {
  const { selection } = editor.state;
  return selection instanceof NodeSelection ? selection.to : null;
}

/**
 * Inserts an image at `position` (a drop) or the caret. One with no description yet (pasted or
 * dropped) is left selected, so the Image menu edits it; the editor shows it needs one.
 */
export function insertImage(editor: Editor, attrs: { src: string } & Record<string, unknown>, position: number | null): void {
  const image = { type: 'image', attrs: { alt: '', ...attrs } };
  const at = position ?? insertionPoint(editor);
  const chain = editor.chain().focus();
  (at === null ? chain.insertContent(image) : chain.insertContentAt(at, image)).run();
  if (!image.attrs.alt) selectImage(editor, attrs.src);
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
