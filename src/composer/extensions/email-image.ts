import Image from '@tiptap/extension-image';
import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { asAlignment, type Alignment } from '../../template/nodes/alignment';
import { IMAGE_WIDTH } from '../../template/nodes/image';
import { isWholeNumberIn } from '../../template/whole-number';
import { isAllowedLinkHref } from '../magic-link/link-href';

export interface EmailImageAttributes {
  src: string;
  alt: string;
  title: string | null;
  /** Pixels, or null for the column's full width. */
  width: number | null;
  align: Alignment;
  /** Where a click on the image goes: a web address or a magic link. */
  href: string | null;
}

export interface EmailImageOptions {
  /**
   * Called with image files pasted or dropped into the editor (and where they were dropped); the
   * composer uploads them. Absent: pasted files are ignored, as before.
   */
  onImageFiles?: (editor: Editor, files: File[], position: number | null) => void;
}

export function allowedImageWidth(value: unknown): number | null {
  const width = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return isWholeNumberIn(width, IMAGE_WIDTH) ? width : null;
}

const allowedAlign = (value: unknown): Alignment => asAlignment(value) ?? 'center';
const allowedHref = (value: unknown): string | null => (typeof value === 'string' && value.trim() && isAllowedLinkHref(value.trim()) ? value.trim() : null);

/** Drops, pastes and picks only hand over files; everything else (text, HTML) goes its usual way. */
function imageFilesOf(data: DataTransfer | null): File[] {
  return [...(data?.files ?? [])].filter((file) => file.type.startsWith('image/'));
}

function dropPosition(view: EditorView, event: DragEvent): number | null {
  try {
    return view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
  } catch {
    return null; // No layout (jsdom): insert at the selection.
  }
}

/**
 * The email image: an address (often an upload), its description, width, alignment and an optional
 * link. Height is left to the image (emails scale it). In the editor it is drawn with a badge when it
 * has no description yet, the one thing validation will ask for.
 */
export const EmailImage = Image.extend<EmailImageOptions & { inline: boolean; allowBase64: boolean; HTMLAttributes: Record<string, unknown>; resize: false }>({
  addOptions() {
    return { ...this.parent!(), inline: false, allowBase64: false, resize: false, onImageFiles: undefined };
  },

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' , parseHTML: (element) => element.getAttribute('alt') ?? '' },
      title: { default: null },
      width: {
        default: null,
        parseHTML: (element) => allowedImageWidth(element.getAttribute('width')),
        renderHTML: (attrs) => (attrs.width ? { width: String(attrs.width) } : {}),
      },
      align: {
        default: 'center',
        parseHTML: (element) => allowedAlign(element.getAttribute('data-align')),
        renderHTML: (attrs) => ({ 'data-align': attrs.align }),
      },
      href: {
        default: null,
        parseHTML: (element) => allowedHref(element.getAttribute('data-href')),
        renderHTML: (attrs) => (attrs.href ? { 'data-href': attrs.href } : {}),
      },
    };
  },

  addNodeView() {
    return ({ node: initialNode }) => {
      const dom = document.createElement('div');
      dom.className = 'ml-image-block';
      const img = document.createElement('img');
      img.className = 'ml-image';
      img.draggable = false;
      const badge = document.createElement('span');
      badge.className = 'ml-image-badge';
      dom.append(img, badge);

      const draw = (node: ProseMirrorNode) => {
        const attrs = node.attrs as EmailImageAttributes;
        dom.dataset.align = attrs.align;
        img.src = attrs.src ?? '';
        img.alt = attrs.alt ?? '';
        img.style.width = attrs.width ? `${attrs.width}px` : '';
        const missing = !attrs.alt?.trim();
        badge.hidden = !missing && !attrs.href;
        badge.classList.toggle('ml-image-badge--missing', missing);
        badge.textContent = missing ? 'Needs a description: select it, then Image' : attrs.href ? `Links to ${attrs.href}` : '';
      };
      draw(initialNode);
      return {
        dom,
        update: (node) => {
          if (node.type !== initialNode.type) return false;
          draw(node);
          return true;
        },
      };
    };
  },

  addProseMirrorPlugins() {
    const { onImageFiles } = this.options;
    const editor = this.editor;
    if (!onImageFiles) return [];
    return [
      new Plugin({
        key: new PluginKey('emailImageFiles'),
        props: {
          // DOM handlers run before ProseMirror's own, which would need a clipboard slice or a layout.
          handleDOMEvents: {
            paste: (_view, event) => {
              const files = imageFilesOf(event.clipboardData);
              if (files.length === 0) return false;
              event.preventDefault();
              onImageFiles(editor, files, null);
              return true;
            },
            drop: (view, event) => {
              const files = imageFilesOf(event.dataTransfer);
              if (files.length === 0) return false;
              event.preventDefault();
              onImageFiles(editor, files, dropPosition(view, event));
              return true;
            },
          },
        },
      }),
    ];
  },
});
